import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ErrorCode } from '@nlf/contract';
import {
  AgendaItemEntity, MeetingEntity, MeetingParticipantEntity, ParticipantEntity, TopicEntity, type AgendaItemRow, type MeetingRow,
} from '../entities';
import type { AddAgendaItemInput, RecordMeetingInput, ScheduleMeetingInput } from '../types/inputs';
import { createdFields, recordAudit } from './audit';
import { InputError, NotFoundError } from './errors';
import { calendarDate, LIMITS, organisationIds, requiredText } from './validate';
import { readAtVersion, readRow, updateAtVersion, type VersionedTarget } from './versioned';
import { mayRunGroup, workGroupTarget } from './workGroups';
import { assertMayWrite, type Caller } from './permissions';

/** Concurrent additions to one agenda that collide on a position: enough retries for far more than a meeting's editors. */
export const AGENDA_POSITION_ATTEMPTS = 20;

/**
 * Puts an agenda point after the last one, in the caller's transaction. Two additions at once can
 * read the same last position; the unique (meeting_id, position) constraint lets one through, the
 * other waits for it to commit, fails, and tries again in a savepoint (so the rest of its
 * transaction stands) with the position now taken counted.
 */
async function appendAgendaItem(em: EntityManager, item: Omit<AgendaItemRow, 'position'>): Promise<AgendaItemRow> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await em.transactional(async (savepoint) => {
        const last = await savepoint.findOne(AgendaItemEntity, { meetingId: item.meetingId }, { orderBy: { position: 'desc' }, disableIdentityMap: true });
        const row = { ...item, position: (last?.position ?? 0) + 1 };
        await savepoint.insert(AgendaItemEntity, row);
        return row;
      });
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException) || attempt >= AGENDA_POSITION_ATTEMPTS) throw error;
    }
  }
}

const meetingTarget = (id: string): VersionedTarget<MeetingRow> => ({ entity: MeetingEntity, what: 'meeting', id, idField: 'meetingId' });

/** Meetings of a work group: scheduled with a date and kind, then recorded with minutes. */
export class Meetings {
  constructor(private readonly organisations: ReadonlySet<string>) {}

  /** Attendees must be known organisations, each once, and take part in the work group. */
  private async attendees(em: EntityManager, workGroupId: string, ids: readonly string[]): Promise<string[]> {
    const attendees = organisationIds(ids, this.organisations, 'participantIds');
    const members = new Set(
      (await em.find(ParticipantEntity, { workGroupId }, { disableIdentityMap: true })).map((row) => row.organisationId),
    );
    attendees.forEach((id, index) => {
      const field = `participantIds[${index}]`;
      if (!members.has(id)) throw new InputError(ErrorCode.NOT_A_PARTICIPANT, `${field}: "${id}" does not take part in this work group`, field);
    });
    return attendees;
  }

  private async setAttendees(em: EntityManager, meetingId: string, attendees: readonly string[]): Promise<void> {
    await em.nativeDelete(MeetingParticipantEntity, { meetingId });
    if (!attendees.length) return;
    await em.insertMany(
      MeetingParticipantEntity,
      attendees.map((organisationId, index) => ({ id: randomUUID(), meetingId, organisationId, position: index + 1 })),
    );
  }

  async schedule(em: EntityManager, caller: Caller, input: ScheduleMeetingInput): Promise<MeetingRow> {
    assertMayWrite(caller.viewer, 'scheduleMeeting');
    const date = calendarDate(input.date, 'date');
    return em.transactional(async (tx) => {
      const group = await readRow(tx, workGroupTarget(input.workGroupId, 'workGroupId'));
      await mayRunGroup(tx, caller, 'scheduleMeeting', group.id);
      const attendees = await this.attendees(tx, group.id, input.participantIds ?? []);
      const now = new Date();
      const row: MeetingRow = {
        id: randomUUID(), workGroupId: group.id, date, kind: input.kind, status: 'SCHEDULED', minutes: null, version: 1,
        createdAt: now, updatedAt: now,
      };
      await tx.insert(MeetingEntity, row);
      await this.setAttendees(tx, row.id, attendees);
      const changes = createdFields({ workGroupId: group.id, date, kind: input.kind, participantIds: attendees });
      await recordAudit(tx, { caller, workGroupId: group.id, action: 'scheduleMeeting', entityType: 'Meeting', entityId: row.id, changes }, now);
      return row;
    });
  }

  async record(em: EntityManager, caller: Caller, input: RecordMeetingInput): Promise<MeetingRow> {
    assertMayWrite(caller.viewer, 'recordMeeting');
    const minutes = requiredText(input.minutes, 'minutes', LIMITS.minutes);
    const target = meetingTarget(input.meetingId);
    return em.transactional(async (tx) => {
      const before = await readAtVersion(tx, target, input.expectedVersion);
      await mayRunGroup(tx, caller, 'recordMeeting', before.workGroupId);
      const attendees = input.participantIds ? await this.attendees(tx, before.workGroupId, input.participantIds) : null;
      const version = await updateAtVersion(tx, target, input.expectedVersion, { status: 'HELD', minutes });
      if (attendees) await this.setAttendees(tx, before.id, attendees);
      const changes = [
        { field: 'status', from: before.status, to: 'HELD' },
        { field: 'minutes', from: before.minutes, to: minutes },
        ...(attendees ? [{ field: 'participantIds', from: null, to: attendees }] : []),
      ];
      await recordAudit(tx, { caller, workGroupId: before.workGroupId, action: 'recordMeeting', entityType: 'Meeting', entityId: before.id, changes }, new Date());
      return { ...before, status: 'HELD' as const, minutes, version };
    });
  }

  async addAgendaItem(em: EntityManager, caller: Caller, input: AddAgendaItemInput): Promise<MeetingRow> {
    assertMayWrite(caller.viewer, 'addAgendaItem');
    const title = requiredText(input.title, 'title', LIMITS.title);
    return em.transactional(async (tx) => {
      const meeting = await readRow(tx, meetingTarget(input.meetingId));
      await mayRunGroup(tx, caller, 'addAgendaItem', meeting.workGroupId);
      if (input.topicId) {
        const topic = await tx.findOne(TopicEntity, { id: input.topicId, workGroupId: meeting.workGroupId }, { disableIdentityMap: true });
        if (!topic) throw new NotFoundError("topic in this meeting's work group", input.topicId, 'topicId');
      }
      const item = await appendAgendaItem(tx, { id: randomUUID(), meetingId: meeting.id, title, topicId: input.topicId ?? null });
      const changes = [{ field: 'agenda', from: null, to: { id: item.id, title, topicId: item.topicId } }];
      await recordAudit(tx, { caller, workGroupId: meeting.workGroupId, action: 'addAgendaItem', entityType: 'Meeting', entityId: meeting.id, changes }, new Date());
      return meeting;
    });
  }
}
