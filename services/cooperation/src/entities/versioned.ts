import { PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The columns of an item the API changes under an optimistic lock (work groups, meetings, decisions):
 * its id, the version every update must name, and when it was created and last changed.
 */
export abstract class VersionedItem {
  @PrimaryKey({ type: 'text' })
  id!: string;

  /** Optimistic lock: every update must name the version it read. */
  @Property({ type: 'integer', default: 1 })
  version!: number;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt!: Date;
}
