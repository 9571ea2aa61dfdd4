import { EntitySchema } from '@mikro-orm/core';
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
  properties: {
    id: { type: 'string', primary: true },
    organisationId: { type: 'string' },
    position: { type: 'integer' },
    name: { type: 'string' },
    kind: { type: 'string' },
    role: { type: 'string', nullable: true },
    meetingFrequency: { type: 'string', nullable: true },
    electedBy: { type: 'string', nullable: true },
    term: { type: 'string', nullable: true },
    size: { type: 'json', nullable: true },
    seats: { type: 'json' },
    sources: { type: 'json' },
    participants: { type: 'string', nullable: true },
    agenda: { type: 'string', nullable: true },
    elects: { type: 'json' },
    reportsTo: { type: 'string', nullable: true },
    audience: { type: 'string', nullable: true },
    levels: { type: 'json' },
    statutory: { type: 'boolean', nullable: true },
    status: { type: 'string', nullable: true },
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
  properties: {
    id: { type: 'string', primary: true },
    councilId: { type: 'string' },
    position: { type: 'integer' },
    role: { type: 'string' },
    originalTitle: { type: 'string' },
    name: { type: 'string' },
    source: { type: 'json', nullable: true },
  },
});
