import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEventEntity, type FieldChangeData } from '../entities';

export interface AuditEntry {
  actor: string;
  action: string;
  entityType: 'WorkGroup' | 'Meeting' | 'Decision';
  entityId: string;
  changes: FieldChangeData[];
}

/** Writes the audit event in the caller's transaction: the change and its record commit together or not at all. */
export async function recordAudit(em: EntityManager, entry: AuditEntry, at: Date): Promise<void> {
  await em.insert(AuditEventEntity, { ...entry, at } as never);
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
