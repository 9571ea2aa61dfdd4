import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { VersionedItem } from './versioned';
import type { FigureData, SourceData } from './values';

// Each field is declared once: its column (as the migrations create it; the schema test checks it)
// beside its TypeScript type. The GraphQL types are the contract's, and mapper.ts maps between.

/** A joint work group; the row type is the class. */
@Entity({ tableName: 'work_group' })
@Check({ name: 'work_group_name_check', expression: 'length(TRIM(BOTH FROM name)) > 0' })
export class WorkGroupEntity extends VersionedItem {
  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  purpose!: string | null;

  @Property({ type: 'text', nullable: true })
  secretariatId!: string | null;

  @Property({ type: 'text', nullable: true })
  supportedById!: string | null;

  @Property({ type: 'json', default: '[]' })
  sources!: SourceData[];

  /** What its text is written in (nb, sv, da, en...), for searching it; null when not known. */
  @Property({ type: 'text', nullable: true })
  language!: string | null;
}
export type WorkGroupRow = WorkGroupEntity;

/** The work group a row belongs to: a foreign key, its value the group's id. */
const ofWorkGroup = (table: string) =>
  ManyToOne({ entity: () => WorkGroupEntity, mapToPk: true, fieldName: 'work_group_id', foreignKeyName: `${table}_work_group_id_fkey`, deleteRule: 'cascade', updateRule: 'no action' });

@Entity({ tableName: 'work_group_participant' })
@Unique({ name: 'work_group_participant_work_group_id_organisation_id_key', properties: ['workGroupId', 'organisationId'] })
@Index({ name: 'work_group_participant_organisation_idx', properties: ['organisationId'] })
export class ParticipantEntity {
  @PrimaryKey({ type: 'text' })
  id!: string;

  @ofWorkGroup('work_group_participant')
  workGroupId!: string;

  @Property({ type: 'text' })
  organisationId!: string;

  @Enum({ type: 'text', items: ['SECRETARIAT', 'SUPPORT', 'MEMBER'] })
  role!: 'SECRETARIAT' | 'SUPPORT' | 'MEMBER';

  @Property({ type: 'integer' })
  position!: number;

  /** Why the organisation is listed, where the source does not name it outright. */
  @Property({ type: 'text', nullable: true })
  basis!: string | null;

  @Property({ type: 'json', nullable: true })
  source!: SourceData | null;
}
export type ParticipantRow = ParticipantEntity;

@Entity({ tableName: 'topic' })
@Index({ name: 'topic_work_group_idx', properties: ['workGroupId', 'position'] })
export class TopicEntity {
  @PrimaryKey({ type: 'text' })
  id!: string;

  @ofWorkGroup('topic')
  workGroupId!: string;

  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'json', nullable: true })
  source!: SourceData | null;
}
export type TopicRow = TopicEntity;

@Entity({ tableName: 'meeting_rhythm' })
export class MeetingRhythmEntity {
  @PrimaryKey({ type: 'text' })
  id!: string;

  @ofWorkGroup('meeting_rhythm')
  workGroupId!: string;

  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'text' })
  kind!: string;

  @Property({ type: 'text' })
  description!: string;

  @Property({ type: 'json', nullable: true })
  frequency!: FigureData | null;

  @Property({ type: 'text', nullable: true })
  participants!: string | null;

  @Property({ type: 'text', nullable: true })
  purpose!: string | null;

  @Property({ type: 'json', nullable: true })
  source!: SourceData | null;
}
export type MeetingRhythmRow = MeetingRhythmEntity;
