import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEventEntity, type FieldChangeData } from '../entities';
import type { Caller } from './permissions';

export interface AuditEntry {
  caller: Caller;
  action: string;
  entityType: 'WorkGroup' | 'Meeting' | 'Decision';
  entityId: string;
  /** The work group the item belongs to (none for a decision outside any): whose secretariat may see who did it. */
  workGroupId: string | null;
  changes: FieldChangeData[];
}

/**
 * Writes the audit event in the caller's transaction: the change and its record commit together or
 * not at all. The actor is kept whole (with the token subject, a person) and as role and
 * organisation, which is all most readers are shown (auditTrail.ts).
 */
export async function recordAudit(em: EntityManager, entry: AuditEntry, at: Date): Promise<void> {
  const { caller, ...rest } = entry;
  await em.insert(AuditEventEntity, {
    ...rest,
    actor: caller.actor,
    actorRole: caller.viewer.role,
    actorOrganisationId: caller.viewer.organisationId,
    at,
  } as never);
}

/** The role and organisation of who changed a decision's status, kept beside the whole actor. */
export function changedByOf(caller: Caller): { changedByRole: string; changedByOrganisationId: string | null } {
  return { changedByRole: caller.viewer.role, changedByOrganisationId: caller.viewer.organisationId };
}

/** The fields whose values differ, as from/to pairs. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): FieldChangeData[] {
  return Object.keys(after)
    .filter((field) => JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null))
    .map((field) => ({ field, from: before[field] ?? null, to: after[field] ?? null }));
}

/** Every field of a created item, from nothing. */
export function createdFields(values: Record<string, unknown>): FieldChangeData[] {
  return changedFields({}, values);
}
