import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { VersionedItem } from './versioned';
import { TopicEntity, WorkGroupEntity } from './workGroup';

// Each field declared once, its column beside its type (see workGroup.ts).

@Entity({ tableName: 'meeting' })
@Check({ name: 'meeting_date_check', expression: "date ~ '^\\d{4}-\\d{2}-\\d{2}$'" })
@Index({ name: 'meeting_work_group_idx', properties: ['workGroupId', 'date'] })
export class MeetingEntity extends VersionedItem {
  @ManyToOne({ entity: () => WorkGroupEntity, mapToPk: true, fieldName: 'work_group_id', foreignKeyName: 'meeting_work_group_id_fkey', deleteRule: 'cascade', updateRule: 'no action' })
  workGroupId!: string;

  /** Calendar date, YYYY-MM-DD. */
  @Property({ type: 'text' })
  date!: string;

  @Property({ type: 'text' })
  kind!: string;

  @Enum({ type: 'text', items: ['SCHEDULED', 'HELD'] })
  status!: 'SCHEDULED' | 'HELD';

  @Property({ type: 'text', nullable: true })
  minutes!: string | null;
}
export type MeetingRow = MeetingEntity;

/** The meeting a row belongs to: a foreign key, its value the meeting's id. */
const ofMeeting = (table: string) =>
  ManyToOne({ entity: () => MeetingEntity, mapToPk: true, fieldName: 'meeting_id', foreignKeyName: `${table}_meeting_id_fkey`, deleteRule: 'cascade', updateRule: 'no action' });

@Entity({ tableName: 'meeting_participant' })
@Unique({ name: 'meeting_participant_meeting_id_organisation_id_key', properties: ['meetingId', 'organisationId'] })
export class MeetingParticipantEntity {
  @PrimaryKey({ type: 'text' })
  id!: string;

  @ofMeeting('meeting_participant')
  meetingId!: string;

  @Property({ type: 'text' })
  organisationId!: string;

  @Property({ type: 'integer' })
  position!: number;
}
export type MeetingParticipantRow = MeetingParticipantEntity;

@Entity({ tableName: 'agenda_item' })
// One position per point of a meeting: concurrent additions collide here, and the loser retries.
@Unique({ name: 'agenda_item_position_unique', properties: ['meetingId', 'position'] })
export class AgendaItemEntity {
  @PrimaryKey({ type: 'text' })
  id!: string;

  @ofMeeting('agenda_item')
  meetingId!: string;

  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'text' })
  title!: string;

  @ManyToOne({ entity: () => TopicEntity, mapToPk: true, nullable: true, fieldName: 'topic_id', foreignKeyName: 'agenda_item_topic_id_fkey', deleteRule: 'no action', updateRule: 'no action' })
  topicId!: string | null;
}
export type AgendaItemRow = AgendaItemEntity;
