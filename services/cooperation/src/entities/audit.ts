import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type { FieldChangeData } from './values';

/** One change, kept forever: who, when, what. Never updated or deleted by the API. Each field declared once (see workGroup.ts). */
@Entity({ tableName: 'audit_event' })
@Index({ name: 'audit_event_entity_idx', properties: ['entityId', 'id'] })
export class AuditEventEntity {
  /** bigserial: its order is the order of the changes. */
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  at!: Date;

  @Property({ type: 'text' })
  actor!: string;

  /** The actor's role and organisation; null for what was loaded from the sources. */
  @Property({ type: 'text', nullable: true })
  actorRole?: string | null;

  @Property({ type: 'text', nullable: true })
  actorOrganisationId?: string | null;

  /** The work group the item belongs to, if any. */
  @Property({ type: 'text', nullable: true })
  workGroupId?: string | null;

  @Property({ type: 'text' })
  action!: string;

  @Property({ type: 'text' })
  entityType!: string;

  @Property({ type: 'text' })
  entityId!: string;

  @Property({ type: 'json', default: '[]' })
  changes!: FieldChangeData[];
}
export type AuditEventRow = AuditEventEntity;
