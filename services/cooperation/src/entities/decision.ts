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
  /** What its text is written in (nb, sv, da, en...), for searching it; null when not known. */
  language: string | null;
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
  properties: {
    id: { type: 'string', primary: true },
    organisationId: { type: 'string' },
    workGroupId: { type: 'string', nullable: true },
    congress: { type: 'integer', nullable: true },
    motionNumber: { type: 'integer', nullable: true },
    origin: { type: 'string', nullable: true },
    title: { type: 'string' },
    clauses: { type: 'json' },
    status: { type: 'string' },
    originalStatus: { type: 'string', nullable: true },
    statusNote: { type: 'string', nullable: true },
    deadline: { type: 'string', nullable: true },
    outcome: { type: 'string', nullable: true },
    activities: { type: 'json' },
    remainingParts: { type: 'json' },
    sources: { type: 'json' },
    language: { type: 'string', nullable: true },
    version: { type: 'integer' },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
});

export const StatusChangeEntity = new EntitySchema<StatusChangeRow>({
  name: 'StatusChange',
  tableName: 'decision_status_change',
  properties: {
    id: { type: 'string', primary: true },
    decisionId: { type: 'string' },
    position: { type: 'integer' },
    status: { type: 'string' },
    originalStatus: { type: 'string', nullable: true },
    note: { type: 'string', nullable: true },
    changedAt: { type: 'datetime', nullable: true },
    changedBy: { type: 'string' },
    changedByRole: { type: 'string', nullable: true },
    changedByOrganisationId: { type: 'string', nullable: true },
    source: { type: 'json', nullable: true },
  },
});
