import { EntitySchema } from '@mikro-orm/core';
import type { FigureData, SourceData } from './values';

export interface WorkGroupRow {
  id: string;
  name: string;
  purpose: string | null;
  secretariatId: string | null;
  supportedById: string | null;
  sources: SourceData[];
  /** Optimistic lock: every update must name the version it read. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface ParticipantRow {
  id: string;
  workGroupId: string;
  organisationId: string;
  role: 'SECRETARIAT' | 'SUPPORT' | 'MEMBER';
  position: number;
  /** Why the organisation is listed, where the source does not name it outright. */
  basis: string | null;
  source: SourceData | null;
}

export interface TopicRow {
  id: string;
  workGroupId: string;
  position: number;
  title: string;
  source: SourceData | null;
}

export interface MeetingRhythmRow {
  id: string;
  workGroupId: string;
  position: number;
  kind: string;
  description: string;
  frequency: FigureData | null;
  participants: string | null;
  purpose: string | null;
  source: SourceData | null;
}

export const WorkGroupEntity = new EntitySchema<WorkGroupRow>({
  name: 'WorkGroup',
  tableName: 'work_group',
  checks: [{ name: 'work_group_name_check', expression: 'length(TRIM(BOTH FROM name)) > 0' }],
  properties: {
    id: { type: 'text', primary: true },
    name: { type: 'text' },
    purpose: { type: 'text', nullable: true },
    secretariatId: { type: 'text', nullable: true },
    supportedById: { type: 'text', nullable: true },
    sources: { type: 'json', default: '[]' },
    version: { type: 'integer', default: 1 },
    createdAt: { type: 'datetime', defaultRaw: 'now()' },
    updatedAt: { type: 'datetime', defaultRaw: 'now()' },
  },
});

export const ParticipantEntity = new EntitySchema<ParticipantRow>({
  name: 'Participant',
  tableName: 'work_group_participant',
  uniques: [{ name: 'work_group_participant_work_group_id_organisation_id_key', properties: ['workGroupId', 'organisationId'] }],
  indexes: [{ name: 'work_group_participant_organisation_idx', properties: ['organisationId'] }],
  properties: {
    id: { type: 'text', primary: true },
    workGroupId: { kind: 'm:1', fieldName: 'work_group_id', foreignKeyName: 'work_group_participant_work_group_id_fkey', entity: 'WorkGroup', mapToPk: true, deleteRule: 'cascade', updateRule: 'no action' },
    organisationId: { type: 'text' },
    role: { type: 'text', enum: true, items: ['SECRETARIAT', 'SUPPORT', 'MEMBER'] },
    position: { type: 'integer' },
    basis: { type: 'text', nullable: true },
    source: { type: 'json', nullable: true },
  },
});

export const TopicEntity = new EntitySchema<TopicRow>({
  name: 'Topic',
  tableName: 'topic',
  indexes: [{ name: 'topic_work_group_idx', properties: ['workGroupId', 'position'] }],
  properties: {
    id: { type: 'text', primary: true },
    workGroupId: { kind: 'm:1', fieldName: 'work_group_id', foreignKeyName: 'topic_work_group_id_fkey', entity: 'WorkGroup', mapToPk: true, deleteRule: 'cascade', updateRule: 'no action' },
    position: { type: 'integer' },
    title: { type: 'text' },
    source: { type: 'json', nullable: true },
  },
});

export const MeetingRhythmEntity = new EntitySchema<MeetingRhythmRow>({
  name: 'MeetingRhythm',
  tableName: 'meeting_rhythm',
  properties: {
    id: { type: 'text', primary: true },
    workGroupId: { kind: 'm:1', fieldName: 'work_group_id', foreignKeyName: 'meeting_rhythm_work_group_id_fkey', entity: 'WorkGroup', mapToPk: true, deleteRule: 'cascade', updateRule: 'no action' },
    position: { type: 'integer' },
    kind: { type: 'text' },
    description: { type: 'text' },
    frequency: { type: 'json', nullable: true },
    participants: { type: 'text', nullable: true },
    purpose: { type: 'text', nullable: true },
    source: { type: 'json', nullable: true },
  },
});
