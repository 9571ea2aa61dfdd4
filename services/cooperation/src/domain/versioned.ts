import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { NotFoundError, VersionConflictError } from './errors';

interface Versioned {
  id: string;
  version: number;
}

export interface VersionedTarget<T extends Versioned> {
  entity: EntityName<T>;
  /** Name in messages, e.g. "decision". */
  what: string;
  id: string;
  /** The input field holding the id, named by NOT_FOUND. */
  idField: string;
}

/** Reads a row in the transaction, bypassing the request's identity map. */
export async function readRow<T extends Versioned>(em: EntityManager, target: VersionedTarget<T>): Promise<T> {
  const row = (await em.findOne(target.entity, { id: target.id } as FilterQuery<T>, { disableIdentityMap: true })) as T | null;
  if (!row) throw new NotFoundError(target.what, target.id, target.idField);
  return row;
}

/** The row as read, when it is still at the version the caller read; a conflict otherwise. */
export async function readAtVersion<T extends Versioned>(
  em: EntityManager,
  target: VersionedTarget<T>,
  expectedVersion: number,
): Promise<T> {
  const row = await readRow(em, target);
  if (row.version !== expectedVersion) throw new VersionConflictError(target.what, target.id, expectedVersion, row.version);
  return row;
}

/**
 * Writes only if nobody wrote since `expectedVersion`: the version check and the write are one
 * UPDATE, so of two concurrent writers exactly one wins (the other's UPDATE waits for the row lock,
 * then matches no row) and the loser gets VERSION_CONFLICT.
 */
export async function updateAtVersion<T extends Versioned>(
  em: EntityManager,
  target: VersionedTarget<T>,
  expectedVersion: number,
  values: Partial<T>,
): Promise<number> {
  const version = expectedVersion + 1;
  const updated = await em.nativeUpdate(
    target.entity,
    { id: target.id, version: expectedVersion } as FilterQuery<T>,
    { ...values, version, updatedAt: new Date() } as never,
  );
  if (updated === 0) {
    const current = await readRow(em, target);
    throw new VersionConflictError(target.what, target.id, expectedVersion, current.version);
  }
  return version;
}
