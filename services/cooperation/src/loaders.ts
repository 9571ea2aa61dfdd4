import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { SubgraphContext } from '@nlf/schema';
import DataLoader from 'dataloader';
import {
  AgendaItemEntity, AuditEventEntity, DecisionEntity, MeetingEntity, MeetingParticipantEntity, MeetingRhythmEntity,
  ParticipantEntity, StatusChangeEntity, TopicEntity, WorkGroupEntity, type AgendaItemRow, type AuditEventRow, type DecisionRow,
  type MeetingParticipantRow, type MeetingRhythmRow, type MeetingRow, type ParticipantRow, type StatusChangeRow, type TopicRow,
  type WorkGroupRow,
} from './entities';

/** One set per request: every list of a work group, meeting or organisation costs one query however many ask. */
export interface CooperationLoaders {
  workGroup: DataLoader<string, WorkGroupRow | null>;
  topic: DataLoader<string, TopicRow | null>;
  participants: DataLoader<string, ParticipantRow[]>;
  topics: DataLoader<string, TopicRow[]>;
  meetingRhythm: DataLoader<string, MeetingRhythmRow[]>;
  meetings: DataLoader<string, MeetingRow[]>;
  decisionsOfWorkGroup: DataLoader<string, DecisionRow[]>;
  meetingParticipants: DataLoader<string, MeetingParticipantRow[]>;
  agenda: DataLoader<string, AgendaItemRow[]>;
  statusHistory: DataLoader<string, StatusChangeRow[]>;
  history: DataLoader<string, AuditEventRow[]>;
  /** Work groups an organisation takes part in. */
  workGroupsOf: DataLoader<string, WorkGroupRow[]>;
  /** Decisions an organisation is responsible for. */
  decisionsOf: DataLoader<string, DecisionRow[]>;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string, keys: readonly string[]): T[][] {
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(key(row))?.push(row);
  return keys.map((k) => groups.get(k)!);
}

function createLoaders(em: EntityManager): CooperationLoaders {
  // Read past the identity map: a row changed by a mutation earlier in the request is read fresh.
  const find = <T extends object>(entity: EntityName<T>, where: FilterQuery<T>, orderBy: Record<string, 'asc' | 'desc'>) =>
    em.find(entity, where, { orderBy: orderBy as never, disableIdentityMap: true }) as Promise<T[]>;
  const byId = <T extends { id: string }>(entity: EntityName<T>) =>
    new DataLoader<string, T | null>(async (ids) => {
      const rows = await find(entity, { id: { $in: [...ids] } } as unknown as FilterQuery<T>, {});
      const found = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => found.get(id) ?? null);
    });
  const listBy = <T extends object>(entity: EntityName<T>, key: keyof T & string, orderBy: Record<string, 'asc' | 'desc'>) =>
    new DataLoader<string, T[]>(async (ids) => {
      const rows = await find(entity, { [key]: { $in: [...ids] } } as FilterQuery<T>, orderBy);
      return groupBy(rows, (row) => String(row[key]), ids);
    });

  return {
    workGroup: byId<WorkGroupRow>(WorkGroupEntity),
    topic: byId<TopicRow>(TopicEntity),
    participants: listBy<ParticipantRow>(ParticipantEntity, 'workGroupId', { position: 'asc' }),
    topics: listBy<TopicRow>(TopicEntity, 'workGroupId', { position: 'asc' }),
    meetingRhythm: listBy<MeetingRhythmRow>(MeetingRhythmEntity, 'workGroupId', { position: 'asc' }),
    meetings: listBy<MeetingRow>(MeetingEntity, 'workGroupId', { date: 'asc', createdAt: 'asc' }),
    decisionsOfWorkGroup: listBy<DecisionRow>(DecisionEntity, 'workGroupId', { createdAt: 'asc', id: 'asc' }),
    meetingParticipants: listBy<MeetingParticipantRow>(MeetingParticipantEntity, 'meetingId', { position: 'asc' }),
    agenda: listBy<AgendaItemRow>(AgendaItemEntity, 'meetingId', { position: 'asc' }),
    statusHistory: listBy<StatusChangeRow>(StatusChangeEntity, 'decisionId', { position: 'asc' }),
    history: listBy<AuditEventRow>(AuditEventEntity, 'entityId', { id: 'asc' }),
    workGroupsOf: new DataLoader(async (organisationIds) => {
      const participants = await find(ParticipantEntity, { organisationId: { $in: [...organisationIds] } }, { position: 'asc' });
      const groups = await find(WorkGroupEntity, { id: { $in: [...new Set(participants.map((p) => p.workGroupId))] } }, { name: 'asc' });
      const byGroupId = new Map(groups.map((group) => [group.id, group]));
      return groupBy(participants, (p) => p.organisationId, organisationIds).map((rows) => rows.map((p) => byGroupId.get(p.workGroupId)!));
    }),
    decisionsOf: listBy<DecisionRow>(DecisionEntity, 'organisationId', { congress: 'asc', motionNumber: 'asc', createdAt: 'asc' }),
  };
}

const perRequest = new WeakMap<EntityManager, CooperationLoaders>();

/** The request's loaders: the kit forks one EntityManager per request, so they live and die with it. */
export function loadersOf(context: SubgraphContext): CooperationLoaders {
  let loaders = perRequest.get(context.em);
  if (!loaders) {
    loaders = createLoaders(context.em);
    perRequest.set(context.em, loaders);
  }
  return loaders;
}
