import { EntitySchema } from '@mikro-orm/core';
import type { FigureData, SourceData } from './values';

export interface ForumRow {
  id: string;
  organisationId: string;
  position: number;
  name: string;
  kind: string;
  levels: string[];
  audience: string | null;
  sources: SourceData[];
  participantCount: FigureData | null;
  /** The curator's English and the original-language focus areas; null/empty on rows seeded before them. */
  participants: string | null;
  partOf: string | null;
  cardinality: string | null;
  status: string | null;
  meetingFrequency: string | null;
  focusAreas: string[];
  ends: string | null;
}

export const ForumEntity = new EntitySchema<ForumRow>({
  name: 'Forum',
  tableName: 'forum',
  properties: {
    id: { type: 'string', primary: true },
    organisationId: { type: 'string' },
    position: { type: 'integer' },
    name: { type: 'string' },
    kind: { type: 'string' },
    levels: { type: 'json' },
    audience: { type: 'string', nullable: true },
    sources: { type: 'json' },
    participantCount: { type: 'json', nullable: true },
    participants: { type: 'string', nullable: true },
    partOf: { type: 'string', nullable: true },
    cardinality: { type: 'string', nullable: true },
    status: { type: 'string', nullable: true },
    meetingFrequency: { type: 'string', nullable: true },
    focusAreas: { type: 'json' },
    ends: { type: 'string', nullable: true },
  },
});

export interface BranchRow {
  id: string;
  organisationId: string;
  position: number;
  name: string | null;
  kind: string;
  sector: string | null;
  memberCount: FigureData | null;
  status: string | null;
  source: SourceData | null;
}

export const BranchEntity = new EntitySchema<BranchRow>({
  name: 'Branch',
  tableName: 'branch',
  properties: {
    id: { type: 'string', primary: true },
    organisationId: { type: 'string' },
    position: { type: 'integer' },
    name: { type: 'string', nullable: true },
    kind: { type: 'string' },
    sector: { type: 'string', nullable: true },
    memberCount: { type: 'json', nullable: true },
    status: { type: 'string', nullable: true },
    source: { type: 'json', nullable: true },
  },
});

export interface SectionRow {
  id: string;
  organisationId: string;
  position: number;
  name: string;
  abbreviation: string | null;
  kind: string;
  source: SourceData | null;
}

export const SectionEntity = new EntitySchema<SectionRow>({
  name: 'Section',
  tableName: 'section',
  properties: {
    id: { type: 'string', primary: true },
    organisationId: { type: 'string' },
    position: { type: 'integer' },
    name: { type: 'string' },
    abbreviation: { type: 'string', nullable: true },
    kind: { type: 'string' },
    source: { type: 'json', nullable: true },
  },
});
