import { EntitySchema } from '@mikro-orm/core';
import { cascadingReference, organisationOf } from './references';
import type { FigureData, SeatData, SourceData } from './values';

export interface CouncilRow {
  id: string;
  organisationId: string;
  position: number;
  name: string;
  kind: string;
  role: string | null;
  meetingFrequency: string | null;
  electedBy: string | null;
  term: string | null;
  size: FigureData | null;
  seats: SeatData[];
  sources: SourceData[];
  /** The curator's English (participants, agenda, elects, reportsTo) and what the sources say of the body's standing. */
  participants: string | null;
  agenda: string | null;
  elects: string[];
  reportsTo: string | null;
  audience: string | null;
  levels: string[];
  statutory: boolean | null;
  status: string | null;
}

export const CouncilEntity = new EntitySchema<CouncilRow>({
  name: 'Council',
  tableName: 'council',
  indexes: [{ name: 'council_organisation_idx', properties: ['organisationId', 'position'] }],
  properties: {
    id: { type: 'text', primary: true },
    organisationId: organisationOf('council'),
    position: { type: 'integer' },
    name: { type: 'text' },
    kind: { type: 'text' },
    role: { type: 'text', nullable: true },
    meetingFrequency: { type: 'text', nullable: true },
    electedBy: { type: 'text', nullable: true },
    term: { type: 'text', nullable: true },
    size: { type: 'json', nullable: true },
    seats: { type: 'json', default: '[]' },
    sources: { type: 'json', default: '[]' },
    participants: { type: 'text', nullable: true },
    agenda: { type: 'text', nullable: true },
    elects: { type: 'json', default: '[]' },
    reportsTo: { type: 'text', nullable: true },
    audience: { type: 'text', nullable: true },
    levels: { type: 'json', default: '[]' },
    statutory: { type: 'boolean', nullable: true },
    status: { type: 'text', nullable: true },
  },
});

export interface CouncilMemberRow {
  id: string;
  councilId: string;
  position: number;
  role: string;
  originalTitle: string;
  name: string;
  source: SourceData | null;
}

export const CouncilMemberEntity = new EntitySchema<CouncilMemberRow>({
  name: 'CouncilMember',
  tableName: 'council_member',
  indexes: [{ name: 'council_member_council_idx', properties: ['councilId', 'position'] }],
  properties: {
    id: { type: 'text', primary: true },
    councilId: cascadingReference({ table: 'council_member', column: 'council_id', entity: 'Council' }),
    position: { type: 'integer' },
    role: { type: 'text' },
    originalTitle: { type: 'text' },
    name: { type: 'text' },
    source: { type: 'json', nullable: true },
  },
});
