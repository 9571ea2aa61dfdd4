import { EntitySchema } from '@mikro-orm/core';
import type { FigureData, SourceData } from './values';

export interface WorkGroupRow {
  id: string;
  name: string;
  purpose: string | null;
  secretariatId: string | null;
  supportedById: string | null;
  sources: SourceData[];
  /** What its text is written in (nb, sv, da, en...), for searching it; null when not known. */
  language: string | null;
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
  properties: {
    id: { type: 'string', primary: true },
    name: { type: 'string' },
    purpose: { type: 'string', nullable: true },
    secretariatId: { type: 'string', nullable: true },
    supportedById: { type: 'string', nullable: true },
    sources: { type: 'json' },
    language: { type: 'string', nullable: true },
    version: { type: 'integer' },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
});

export const ParticipantEntity = new EntitySchema<ParticipantRow>({
  name: 'Participant',
  tableName: 'work_group_participant',
  properties: {
    id: { type: 'string', primary: true },
    workGroupId: { type: 'string' },
    organisationId: { type: 'string' },
    role: { type: 'string' },
    position: { type: 'integer' },
    basis: { type: 'string', nullable: true },
    source: { type: 'json', nullable: true },
  },
});

export const TopicEntity = new EntitySchema<TopicRow>({
  name: 'Topic',
  tableName: 'topic',
  properties: {
    id: { type: 'string', primary: true },
    workGroupId: { type: 'string' },
    position: { type: 'integer' },
    title: { type: 'string' },
    source: { type: 'json', nullable: true },
  },
});

export const MeetingRhythmEntity = new EntitySchema<MeetingRhythmRow>({
  name: 'MeetingRhythm',
  tableName: 'meeting_rhythm',
  properties: {
    id: { type: 'string', primary: true },
    workGroupId: { type: 'string' },
    position: { type: 'integer' },
    kind: { type: 'string' },
    description: { type: 'string' },
    frequency: { type: 'json', nullable: true },
    participants: { type: 'string', nullable: true },
    purpose: { type: 'string', nullable: true },
    source: { type: 'json', nullable: true },
  },
});
