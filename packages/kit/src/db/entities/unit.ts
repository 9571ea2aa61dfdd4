import { EntitySchema } from '@mikro-orm/core';
import { organisationOf } from './references';
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
  indexes: [{ name: 'forum_organisation_idx', properties: ['organisationId', 'position'] }],
  properties: {
    id: { type: 'text', primary: true },
    organisationId: organisationOf('forum'),
    position: { type: 'integer' },
    name: { type: 'text' },
    kind: { type: 'text' },
    levels: { type: 'json', default: '[]' },
    audience: { type: 'text', nullable: true },
    sources: { type: 'json', default: '[]' },
    participantCount: { type: 'json', nullable: true },
    participants: { type: 'text', nullable: true },
    partOf: { type: 'text', nullable: true },
    cardinality: { type: 'text', nullable: true },
    status: { type: 'text', nullable: true },
    meetingFrequency: { type: 'text', nullable: true },
    focusAreas: { type: 'json', default: '[]' },
    ends: { type: 'text', nullable: true },
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
  indexes: [{ name: 'branch_organisation_idx', properties: ['organisationId', 'position'] }],
  properties: {
    id: { type: 'text', primary: true },
    organisationId: organisationOf('branch'),
    position: { type: 'integer' },
    name: { type: 'text', nullable: true },
    kind: { type: 'text' },
    sector: { type: 'text', nullable: true },
    memberCount: { type: 'json', nullable: true },
    status: { type: 'text', nullable: true },
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
  indexes: [{ name: 'section_organisation_idx', properties: ['organisationId', 'position'] }],
  properties: {
    id: { type: 'text', primary: true },
    organisationId: organisationOf('section'),
    position: { type: 'integer' },
    name: { type: 'text' },
    abbreviation: { type: 'text', nullable: true },
    kind: { type: 'text' },
    source: { type: 'json', nullable: true },
  },
});
