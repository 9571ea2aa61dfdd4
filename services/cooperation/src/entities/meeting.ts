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
  properties: {
    id: { type: 'string', primary: true },
    workGroupId: { type: 'string' },
    date: { type: 'string' },
    kind: { type: 'string' },
    status: { type: 'string' },
    minutes: { type: 'string', nullable: true },
    version: { type: 'integer' },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
});

export const MeetingParticipantEntity = new EntitySchema<MeetingParticipantRow>({
  name: 'MeetingParticipant',
  tableName: 'meeting_participant',
  properties: {
    id: { type: 'string', primary: true },
    meetingId: { type: 'string' },
    organisationId: { type: 'string' },
    position: { type: 'integer' },
  },
});

export const AgendaItemEntity = new EntitySchema<AgendaItemRow>({
  name: 'AgendaItem',
  tableName: 'agenda_item',
  properties: {
    id: { type: 'string', primary: true },
    meetingId: { type: 'string' },
    position: { type: 'integer' },
    title: { type: 'string' },
    topicId: { type: 'string', nullable: true },
  },
});
