import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { VersionedItem } from './versioned';
import type { ActivityData, SourceData } from './values';
import { WorkGroupEntity } from './workGroup';

// Each field declared once, its column beside its type (see workGroup.ts).

export const DECISION_STATUSES = ['PROPOSED', 'IN_PROGRESS', 'DONE', 'UNKNOWN'] as const;
export type DecisionStatusValue = (typeof DECISION_STATUSES)[number];

@Entity({ tableName: 'decision' })
@Check({ name: 'decision_title_check', expression: 'length(TRIM(BOTH FROM title)) > 0' })
@Index({ name: 'decision_organisation_idx', properties: ['organisationId'] })
@Index({ name: 'decision_work_group_idx', properties: ['workGroupId'] })
export class DecisionEntity extends VersionedItem {
  /** The organisation responsible: the decision is that organisation's item. */
  @Property({ type: 'text' })
  organisationId!: string;

  @ManyToOne({ entity: () => WorkGroupEntity, mapToPk: true, nullable: true, fieldName: 'work_group_id', foreignKeyName: 'decision_work_group_id_fkey', deleteRule: 'set null', updateRule: 'no action' })
  workGroupId!: string | null;

  @Property({ type: 'integer', nullable: true })
  congress!: number | null;

  @Property({ type: 'integer', nullable: true })
  motionNumber!: number | null;

  @Property({ type: 'text', nullable: true })
  origin!: string | null;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'json', default: '[]' })
  clauses!: string[];

  @Enum({ type: 'text', items: [...DECISION_STATUSES] })
  status!: DecisionStatusValue;

  @Property({ type: 'text', nullable: true })
  originalStatus!: string | null;

  @Property({ type: 'text', nullable: true })
  statusNote!: string | null;

  @Property({ type: 'text', nullable: true })
  deadline!: string | null;

  @Property({ type: 'text', nullable: true })
  outcome!: string | null;

  @Property({ type: 'json', default: '[]' })
  activities!: ActivityData[];

  @Property({ type: 'json', default: '[]' })
  remainingParts!: string[];

  @Property({ type: 'json', default: '[]' })
  sources!: SourceData[];

  /** What its text is written in (nb, sv, da, en...), for searching it; null when not known. */
  @Property({ type: 'text', nullable: true })
  language!: string | null;
}
export type DecisionRow = DecisionEntity;

@Entity({ tableName: 'decision_status_change' })
@Unique({ name: 'decision_status_change_decision_id_position_key', properties: ['decisionId', 'position'] })
export class StatusChangeEntity {
  @PrimaryKey({ type: 'text' })
  id!: string;

  @ManyToOne({ entity: () => DecisionEntity, mapToPk: true, fieldName: 'decision_id', foreignKeyName: 'decision_status_change_decision_id_fkey', deleteRule: 'cascade', updateRule: 'no action' })
  decisionId!: string;

  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'text' })
  status!: DecisionStatusValue;

  @Property({ type: 'text', nullable: true })
  originalStatus!: string | null;

  @Property({ type: 'text', nullable: true })
  note!: string | null;

  /** Null for the status a source reports: the sources are undated. */
  @Property({ type: 'datetime', nullable: true })
  changedAt!: Date | null;

  @Property({ type: 'text' })
  changedBy!: string;

  /** Role and organisation of changedBy; null for a status loaded from the sources. */
  @Property({ type: 'text', nullable: true })
  changedByRole?: string | null;

  @Property({ type: 'text', nullable: true })
  changedByOrganisationId?: string | null;

  @Property({ type: 'json', nullable: true })
  source!: SourceData | null;
}
export type StatusChangeRow = StatusChangeEntity;
