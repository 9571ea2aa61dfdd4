import type { EntityManager } from '@mikro-orm/postgresql';
import { describeViewer, ForbiddenError, type Viewer } from '@nlf/contract';
import { ParticipantEntity, WorkGroupEntity } from '../entities';

/** Every write of the joint work, by its mutation's name. */
export type CooperationWrite =
  | 'createWorkGroup'
  | 'updateWorkGroup'
  | 'addParticipant'
  | 'removeParticipant'
  | 'scheduleMeeting'
  | 'recordMeeting'
  | 'addAgendaItem'
  | 'createDecision'
  | 'changeDecisionStatus';

const DECISION_WRITES: ReadonlySet<CooperationWrite> = new Set(['createDecision', 'changeDecisionStatus']);

/** Who writes: the caller the gateway's signature vouches for, and how the audit trail names them. */
export interface Caller {
  viewer: Viewer;
  actor: string;
}

export const callerOf = (viewer: Viewer): Caller => ({ viewer, actor: describeViewer(viewer) });

/** The work group a write belongs to: who runs its secretariat and who takes part. */
export interface GroupScope {
  /** Null for a group no organisation runs (only the federation-wide secretariat runs it). */
  secretariatId: string | null;
  participantIds: ReadonlySet<string>;
}

/** What a write touches, once read: its work group (if any) and, for a decision, its organisation. */
export interface WriteScope {
  group: GroupScope | null;
  organisationId?: string;
}

/** A work group's secretariat and participants, read in the write's transaction; null when there is no such group. */
export async function groupScope(em: EntityManager, workGroupId: string): Promise<GroupScope | null> {
  const group = await em.findOne(WorkGroupEntity, { id: workGroupId }, { disableIdentityMap: true });
  if (!group) return null;
  const participants = await em.find(ParticipantEntity, { workGroupId }, { disableIdentityMap: true });
  return { secretariatId: group.secretariatId, participantIds: new Set(participants.map((p) => p.organisationId)) };
}

/**
 * Who may change the joint work, per write, role and organisation (the table in docs/security.md):
 * - work groups, participants, meetings, agendas: the secretariat. A secretariat token that names an
 *   organisation runs only the groups that organisation is the secretariat of; one without is the
 *   federation-wide secretariat and runs every group;
 * - decisions: the secretariat (a named one only in its own groups, or outside any group), and the
 *   staff of the organisation the decision belongs to, attached only to groups their union takes part in;
 * - dashboards and anonymous callers only read.
 * Called twice by each service: with no scope before anything is read (the role alone), then with
 * the scope read in the write's transaction, before anything is written. A refusal is FORBIDDEN with
 * its reason, and the transaction (audit event included) never commits.
 */
export function assertMayWrite(viewer: Viewer, write: CooperationWrite, scope?: WriteScope): void {
  const refuse = (reason: string) => {
    throw new ForbiddenError(write, reason);
  };
  if (viewer.role === 'anonymous' || viewer.role === 'dashboard') refuse('dashboards and anonymous callers only read the joint work');
  const decision = DECISION_WRITES.has(write);
  if (!decision && viewer.role !== 'secretariat') refuse('only the secretariat changes work groups and meetings');
  if (!scope) return;
  const named = viewer.organisationId;
  if (viewer.role === 'secretariat') {
    if (named && scope.group && scope.group.secretariatId !== named) {
      refuse(`a secretariat token of ${named} runs only the work groups ${named} is the secretariat of; ${scope.group.secretariatId ?? 'no organisation'} runs this one`);
    }
    return;
  }
  // Union staff, on a decision.
  if (scope.organisationId !== named) refuse("only the secretariat or the organisation's own staff change its decisions");
  if (scope.group && !scope.group.participantIds.has(named!)) {
    refuse(`${named} does not take part in this work group: its staff attach decisions only to groups their union takes part in`);
  }
}
