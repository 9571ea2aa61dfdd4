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
