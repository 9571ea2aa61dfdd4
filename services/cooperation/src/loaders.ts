import type { EntityManager } from '@mikro-orm/postgresql';
import { entityLoaders, groupBy, type SubgraphContext } from '@nlf/kit';
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

/** What the cooperation subgraph's resolvers and services get: the kit's context with these loaders. */
export type CooperationContext = SubgraphContext<CooperationLoaders>;

/** The kit builds these per request beside its own (serviceMain's `loaders`). */
export function createCooperationLoaders(em: EntityManager): CooperationLoaders {
  // Fresh: a row changed by a mutation earlier in the request is read as committed.
  const { find, byId, listBy } = entityLoaders(em, { fresh: true });
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
