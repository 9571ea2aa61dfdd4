import type { FilterQuery } from '@mikro-orm/core';
import { ForbiddenError, keysetCursor, SEQUENCE_KEY, type Viewer } from '@nlf/contract';
import { assertPageSize } from '@nlf/kit';
import { AuditEventEntity, type AuditEventRow, type StatusChangeRow } from '../entities';
import type { CooperationContext } from '../loaders';
import { toAuditEvent, toStatusChange } from '../mapper';
import type { AuditEvent, AuditEventConnection } from '../types/audit';
import type { DecisionStatusChange } from '../types/decision';

/** Who made a change, as recorded: the whole actor (with its token subject) and its role and organisation. */
interface RecordedActor {
  actor: string;
  role: string | null | undefined;
  organisationId: string | null | undefined;
}

/**
 * The audit trail is open to every authenticated caller (the joint work is open among its members),
 * but a token subject is a person: it is shown only to the secretariat of the work group the change
 * belongs to (the federation-wide secretariat runs every group) and to the staff of the actor's own
 * organisation. Everyone else reads the actor as role and organisation, e.g. "secretariat:ledarna".
 * What was loaded from the sources ("seed") names no one and is shown as it is.
 */
export function actorAsSeenBy(viewer: Viewer, recorded: RecordedActor, groupSecretariatId: string | null): string {
  if (!recorded.role) return recorded.actor;
  const secretariatOfGroup =
    viewer.role === 'secretariat' && (viewer.organisationId === null || (groupSecretariatId !== null && viewer.organisationId === groupSecretariatId));
  const ownStaff = viewer.role === 'union-staff' && !!recorded.organisationId && viewer.organisationId === recorded.organisationId;
  if (secretariatOfGroup || ownStaff) return recorded.actor;
  return recorded.organisationId ? `${recorded.role}:${recorded.organisationId}` : recorded.role;
}

export function assertCanReadTrail(viewer: Viewer, field: string): void {
  if (viewer.role === 'anonymous') throw new ForbiddenError(field, 'the audit trail needs an authenticated caller');
}

async function secretariatsOf(ctx: CooperationContext, workGroupIds: (string | null | undefined)[]): Promise<Map<string, string | null>> {
  const ids = [...new Set(workGroupIds.filter((id): id is string => !!id))];
  const groups = await ctx.loaders.workGroup.loadMany(ids);
  return new Map(ids.map((id, index) => [id, (groups[index] as { secretariatId?: string | null } | null)?.secretariatId ?? null]));
}

/** Audit events as the caller may read them: refused to anonymous callers, each actor shown as above. */
async function readableEvents(ctx: CooperationContext, field: string, rows: AuditEventRow[]): Promise<AuditEventRow[]> {
  assertCanReadTrail(ctx.viewer, field);
  const secretariats = await secretariatsOf(ctx, rows.map((row) => row.workGroupId));
  return rows.map((row) => ({
    ...row,
    actor: actorAsSeenBy(
      ctx.viewer,
      { actor: row.actor, role: row.actorRole, organisationId: row.actorOrganisationId },
      row.workGroupId ? (secretariats.get(row.workGroupId) ?? null) : null,
    ),
  }));
}

/** Every change to one work group, meeting or decision, oldest first: refused to anonymous callers before anything is read. */
export async function historyOf(ctx: CooperationContext, entityId: string): Promise<AuditEvent[]> {
  assertCanReadTrail(ctx.viewer, 'history');
  return (await readableEvents(ctx, 'history', await ctx.loaders.history.load(entityId))).map(toAuditEvent);
}

/** A decision's status changes, with who changed each shown as above (the status history itself stays public). */
export async function statusHistoryOf(ctx: CooperationContext, decision: { id: string; workGroupId: string | null }): Promise<DecisionStatusChange[]> {
  const [rows, secretariats] = await Promise.all([ctx.loaders.statusHistory.load(decision.id), secretariatsOf(ctx, [decision.workGroupId])]);
  const secretariat = secretariats.get(decision.workGroupId ?? '') ?? null;
  return rows
    .map((row: StatusChangeRow) => ({
      ...row,
      changedBy: actorAsSeenBy(ctx.viewer, { actor: row.changedBy, role: row.changedByRole, organisationId: row.changedByOrganisationId }, secretariat),
    }))
    .map(toStatusChange);
}

/** Events a page of the audit trail holds when `first` is not given. */
export const AUDIT_TRAIL_DEFAULT_PAGE = 50;

/** The audit trail's cursor: the last event's sequence number (its own kind, no other page's cursor). */
const auditCursor = keysetCursor('ae1:', SEQUENCE_KEY);

export interface AuditTrailRead {
  /** Narrows the trail to one work group, meeting or decision. */
  entityId: string | null;
  first: number;
  after: string | null | undefined;
}

/**
 * A page of the audit trail, newest first: refused to anonymous callers, the page size bounded
 * (PAGE_SIZE_EXCEEDED) and the cursor checked (INVALID_CURSOR) before anything is read.
 */
export async function auditTrailPage(ctx: CooperationContext, read: AuditTrailRead): Promise<AuditEventConnection> {
  assertCanReadTrail(ctx.viewer, 'auditTrail');
  assertPageSize(read.first);
  const before = read.after == null ? null : auditCursor.decode(read.after);
  const where: FilterQuery<AuditEventRow> = {
    ...(read.entityId ? { entityId: read.entityId } : {}),
    ...(before ? { id: { $lt: before } } : {}),
  };
  const rows = await ctx.em.find(AuditEventEntity, where, { orderBy: { id: 'desc' }, limit: read.first + 1, disableIdentityMap: true });
  const page = await readableEvents(ctx, 'auditTrail', rows.slice(0, read.first));
  const edges = page.map((row) => ({ cursor: auditCursor.encode(String(row.id)), node: toAuditEvent(row) }));
  return { edges, pageInfo: { hasNextPage: rows.length > read.first, endCursor: edges.at(-1)?.cursor ?? null } };
}
