import { ForbiddenError, type SubgraphContext, type Viewer } from '@nlf/schema';
import type { AuditEventRow, StatusChangeRow } from '../entities';
import { loadersOf } from '../loaders';

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

async function secretariatsOf(ctx: SubgraphContext, workGroupIds: (string | null | undefined)[]): Promise<Map<string, string | null>> {
  const ids = [...new Set(workGroupIds.filter((id): id is string => !!id))];
  const groups = await loadersOf(ctx).workGroup.loadMany(ids);
  return new Map(ids.map((id, index) => [id, (groups[index] as { secretariatId?: string | null } | null)?.secretariatId ?? null]));
}

/** Audit events as the caller may read them: refused to anonymous callers, each actor shown as above. */
export async function readableEvents(ctx: SubgraphContext, field: string, rows: AuditEventRow[]): Promise<AuditEventRow[]> {
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

/** A decision's status changes, with who changed each shown as above (the status history itself stays public). */
export async function readableStatusChanges(ctx: SubgraphContext, workGroupId: string | null, rows: StatusChangeRow[]): Promise<StatusChangeRow[]> {
  const secretariat = (await secretariatsOf(ctx, [workGroupId])).get(workGroupId ?? '') ?? null;
  return rows.map((row) => ({
    ...row,
    changedBy: actorAsSeenBy(ctx.viewer, { actor: row.changedBy, role: row.changedByRole, organisationId: row.changedByOrganisationId }, secretariat),
  }));
}
