import { EntitySchema } from '@mikro-orm/core';

export interface MeetingRow {
  id: string;
  workGroupId: string;
  /** Calendar date, YYYY-MM-DD. */
  date: string;
  kind: string;
  status: 'SCHEDULED' | 'HELD';
  minutes: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface MeetingParticipantRow {
  id: string;
  meetingId: string;
  organisationId: string;
  position: number;
}

export interface AgendaItemRow {
  id: string;
  meetingId: string;
  position: number;
  title: string;
  topicId: string | null;
}

export const MeetingEntity = new EntitySchema<MeetingRow>({
  name: 'Meeting',
  tableName: 'meeting',
  checks: [{ name: 'meeting_date_check', expression: "date ~ '^\\d{4}-\\d{2}-\\d{2}$'" }],
  indexes: [{ name: 'meeting_work_group_idx', properties: ['workGroupId', 'date'] }],
  properties: {
    id: { type: 'text', primary: true },
    workGroupId: { kind: 'm:1', fieldName: 'work_group_id', foreignKeyName: 'meeting_work_group_id_fkey', entity: 'WorkGroup', mapToPk: true, deleteRule: 'cascade', updateRule: 'no action' },
    date: { type: 'text' },
    kind: { type: 'text' },
    status: { type: 'text', enum: true, items: ['SCHEDULED', 'HELD'] },
    minutes: { type: 'text', nullable: true },
    version: { type: 'integer', default: 1 },
    createdAt: { type: 'datetime', defaultRaw: 'now()' },
    updatedAt: { type: 'datetime', defaultRaw: 'now()' },
  },
});

export const MeetingParticipantEntity = new EntitySchema<MeetingParticipantRow>({
  name: 'MeetingParticipant',
  tableName: 'meeting_participant',
  uniques: [{ name: 'meeting_participant_meeting_id_organisation_id_key', properties: ['meetingId', 'organisationId'] }],
  properties: {
    id: { type: 'text', primary: true },
    meetingId: { kind: 'm:1', fieldName: 'meeting_id', foreignKeyName: 'meeting_participant_meeting_id_fkey', entity: 'Meeting', mapToPk: true, deleteRule: 'cascade', updateRule: 'no action' },
    organisationId: { type: 'text' },
    position: { type: 'integer' },
  },
});

export const AgendaItemEntity = new EntitySchema<AgendaItemRow>({
  name: 'AgendaItem',
  tableName: 'agenda_item',
  // One position per point of a meeting: concurrent additions collide here, and the loser retries.
  uniques: [{ name: 'agenda_item_position_unique', properties: ['meetingId', 'position'] }],
  properties: {
    id: { type: 'text', primary: true },
    meetingId: { kind: 'm:1', fieldName: 'meeting_id', foreignKeyName: 'agenda_item_meeting_id_fkey', entity: 'Meeting', mapToPk: true, deleteRule: 'cascade', updateRule: 'no action' },
    position: { type: 'integer' },
    title: { type: 'text' },
    topicId: { kind: 'm:1', fieldName: 'topic_id', foreignKeyName: 'agenda_item_topic_id_fkey', entity: 'Topic', mapToPk: true, nullable: true, deleteRule: 'no action', updateRule: 'no action' },
  },
});
