import { EntitySchema } from '@mikro-orm/core';
import type { FieldChangeData } from './values';

/** One change, kept forever: who, when, what. Never updated or deleted by the API. */
export interface AuditEventRow {
  /** bigserial: its order is the order of the changes. */
  id: string;
  at: Date;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  changes: FieldChangeData[];
}

export const AuditEventEntity = new EntitySchema<AuditEventRow>({
  name: 'AuditEvent',
  tableName: 'audit_event',
  properties: {
    id: { type: 'bigint', primary: true, autoincrement: true },
    at: { type: 'datetime' },
    actor: { type: 'string' },
    action: { type: 'string' },
    entityType: { type: 'string' },
    entityId: { type: 'string' },
    changes: { type: 'json' },
  },
});
