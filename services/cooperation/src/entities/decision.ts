import { EntitySchema } from '@mikro-orm/core';
import type { ActivityData, SourceData } from './values';

export type DecisionStatusValue = 'PROPOSED' | 'IN_PROGRESS' | 'DONE' | 'UNKNOWN';

export interface DecisionRow {
  id: string;
  /** The organisation responsible: the decision is that organisation's item. */
  organisationId: string;
  workGroupId: string | null;
  congress: number | null;
  motionNumber: number | null;
  origin: string | null;
  title: string;
  clauses: string[];
  status: DecisionStatusValue;
  originalStatus: string | null;
  statusNote: string | null;
  deadline: string | null;
  outcome: string | null;
  activities: ActivityData[];
  remainingParts: string[];
  sources: SourceData[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface StatusChangeRow {
  id: string;
  decisionId: string;
  position: number;
  status: DecisionStatusValue;
  originalStatus: string | null;
  note: string | null;
  /** Null for the status a source reports: the sources are undated. */
  changedAt: Date | null;
  changedBy: string;
  /** Role and organisation of changedBy; null for a status loaded from the sources. */
  changedByRole?: string | null;
  changedByOrganisationId?: string | null;
  source: SourceData | null;
}

export const DecisionEntity = new EntitySchema<DecisionRow>({
  name: 'Decision',
  tableName: 'decision',
  checks: [{ name: 'decision_title_check', expression: 'length(TRIM(BOTH FROM title)) > 0' }],
  indexes: [
    { name: 'decision_organisation_idx', properties: ['organisationId'] },
    { name: 'decision_work_group_idx', properties: ['workGroupId'] },
  ],
  properties: {
    id: { type: 'text', primary: true },
    organisationId: { type: 'text' },
    workGroupId: { kind: 'm:1', fieldName: 'work_group_id', foreignKeyName: 'decision_work_group_id_fkey', entity: 'WorkGroup', mapToPk: true, nullable: true, deleteRule: 'set null', updateRule: 'no action' },
    congress: { type: 'integer', nullable: true },
    motionNumber: { type: 'integer', nullable: true },
    origin: { type: 'text', nullable: true },
    title: { type: 'text' },
    clauses: { type: 'json', default: '[]' },
    status: { type: 'text', enum: true, items: ['PROPOSED', 'IN_PROGRESS', 'DONE', 'UNKNOWN'] },
    originalStatus: { type: 'text', nullable: true },
    statusNote: { type: 'text', nullable: true },
    deadline: { type: 'text', nullable: true },
    outcome: { type: 'text', nullable: true },
    activities: { type: 'json', default: '[]' },
    remainingParts: { type: 'json', default: '[]' },
    sources: { type: 'json', default: '[]' },
    version: { type: 'integer', default: 1 },
    createdAt: { type: 'datetime', defaultRaw: 'now()' },
    updatedAt: { type: 'datetime', defaultRaw: 'now()' },
  },
});

export const StatusChangeEntity = new EntitySchema<StatusChangeRow>({
  name: 'StatusChange',
  tableName: 'decision_status_change',
  uniques: [{ name: 'decision_status_change_decision_id_position_key', properties: ['decisionId', 'position'] }],
  properties: {
    id: { type: 'text', primary: true },
    decisionId: { kind: 'm:1', fieldName: 'decision_id', foreignKeyName: 'decision_status_change_decision_id_fkey', entity: 'Decision', mapToPk: true, deleteRule: 'cascade', updateRule: 'no action' },
    position: { type: 'integer' },
    status: { type: 'text' },
    originalStatus: { type: 'text', nullable: true },
    note: { type: 'text', nullable: true },
    changedAt: { type: 'datetime', nullable: true },
    changedBy: { type: 'text' },
    changedByRole: { type: 'text', nullable: true },
    changedByOrganisationId: { type: 'text', nullable: true },
    source: { type: 'json', nullable: true },
  },
});
