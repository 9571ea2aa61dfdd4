import { EntitySchema } from '@mikro-orm/core';
import type { FieldChangeData } from './values';

/** One change, kept forever: who, when, what. Never updated or deleted by the API. */
export interface AuditEventRow {
  /** bigserial: its order is the order of the changes. */
  id: string;
  at: Date;
  actor: string;
  /** The actor's role and organisation; null for what was loaded from the sources. */
  actorRole?: string | null;
  actorOrganisationId?: string | null;
  /** The work group the item belongs to, if any. */
  workGroupId?: string | null;
  action: string;
  entityType: string;
  entityId: string;
  changes: FieldChangeData[];
}

export const AuditEventEntity = new EntitySchema<AuditEventRow>({
  name: 'AuditEvent',
  tableName: 'audit_event',
  indexes: [{ name: 'audit_event_entity_idx', properties: ['entityId', 'id'] }],
  properties: {
    id: { type: 'bigint', primary: true, autoincrement: true },
    at: { type: 'datetime', defaultRaw: 'now()' },
    actor: { type: 'text' },
    actorRole: { type: 'text', nullable: true },
    actorOrganisationId: { type: 'text', nullable: true },
    workGroupId: { type: 'text', nullable: true },
    action: { type: 'text' },
    entityType: { type: 'text' },
    entityId: { type: 'text' },
    changes: { type: 'json', default: '[]' },
  },
});
