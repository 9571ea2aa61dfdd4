import { toContractFigure as toFigure, toContractSource as toSource } from '@nlf/kit';
import type {
  AgendaItemRow, AuditEventRow, DecisionRow, MeetingRhythmRow, MeetingRow, ParticipantRow,
  StatusChangeRow, TopicRow, WorkGroupRow,
} from './entities';
import type { AuditEvent } from './types/audit';
import type { Decision, DecisionStatusChange } from './types/decision';
import type { ActivityState, DecisionStatus, MeetingKind, MeetingStatus, ParticipantRole } from './types/enums';
import type { AgendaItem, Meeting } from './types/meeting';
import type { OrganisationRef } from './types/organisation';
import type { MeetingRhythm, Participation, Topic, WorkGroup } from './types/workGroup';

// Storage rows → GraphQL objects. Relations are left to field resolvers (and their loaders).

export const toOrganisationRef = (id: string): OrganisationRef => ({ id });

// Sources and figures are the contract's, mapped as the kit maps them for the unions.
const iso = (date: Date | string): string => new Date(date).toISOString();

export function toWorkGroup(row: WorkGroupRow): WorkGroup {
  return {
    id: row.id, name: row.name, purpose: row.purpose, sources: row.sources.map((s) => toSource(s)!), version: row.version,
    createdAt: iso(row.createdAt), updatedAt: iso(row.updatedAt), secretariatId: row.secretariatId, supportedById: row.supportedById,
  };
}

export function toParticipation(row: ParticipantRow): Participation {
  return { organisation: toOrganisationRef(row.organisationId), role: row.role as ParticipantRole, basis: row.basis, source: toSource(row.source) };
}

export const toTopic = (row: TopicRow): Topic => ({ id: row.id, title: row.title, source: toSource(row.source) });

export function toMeetingRhythm(row: MeetingRhythmRow): MeetingRhythm {
  return {
    kind: row.kind as MeetingKind, description: row.description, frequency: toFigure(row.frequency), participants: row.participants,
    purpose: row.purpose, source: toSource(row.source),
  };
}

export function toMeeting(row: MeetingRow): Meeting {
  return {
    id: row.id, date: row.date, kind: row.kind as MeetingKind, status: row.status as MeetingStatus, minutes: row.minutes,
    version: row.version, workGroupId: row.workGroupId,
  };
}

export const toAgendaItem = (row: AgendaItemRow): AgendaItem => ({ id: row.id, title: row.title, topicId: row.topicId });

export function toDecision(row: DecisionRow): Decision {
  return {
    id: row.id, congress: row.congress, motionNumber: row.motionNumber, origin: row.origin, title: row.title, clauses: row.clauses,
    status: row.status as DecisionStatus, originalStatus: row.originalStatus, statusNote: row.statusNote, deadline: row.deadline,
    outcome: row.outcome, activities: row.activities.map((a) => ({ text: a.text, state: a.state as ActivityState })),
    remainingParts: row.remainingParts, sources: row.sources.map((s) => toSource(s)!), version: row.version,
    organisationId: row.organisationId, workGroupId: row.workGroupId,
  };
}

export function toStatusChange(row: StatusChangeRow): DecisionStatusChange {
  return {
    status: row.status as DecisionStatus, originalStatus: row.originalStatus, note: row.note,
    changedAt: row.changedAt ? iso(row.changedAt) : null, changedBy: row.changedBy, source: toSource(row.source),
  };
}

const json = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));

export function toAuditEvent(row: AuditEventRow): AuditEvent {
  return {
    id: String(row.id), at: iso(row.at), actor: row.actor, action: row.action, entityType: row.entityType, entityId: row.entityId,
    changes: row.changes.map((change) => ({ field: change.field, from: json(change.from), to: json(change.to) })),
  };
}
