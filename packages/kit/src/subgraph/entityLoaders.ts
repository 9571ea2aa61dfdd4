import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';

/** Rows grouped by `key`, one list per asked key in the order asked (empty where none matched). */
export function groupBy<T>(rows: readonly T[], key: (row: T) => string, keys: readonly string[]): T[][] {
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(key(row))?.push(row);
  return keys.map((k) => groups.get(k)!);
}

export type RowOrder = Record<string, 'asc' | 'desc'>;

export interface EntityLoaderOptions {
  /**
   * Read past the request's identity map, so a row a mutation changed earlier in the same request
   * is read as committed, not as the entity manager first saw it. Default: false (the kit's loaders
   * serve reads only).
   */
  fresh?: boolean;
}

/** The batched reads a subgraph's loaders are made of: each DataLoader costs one query per tick. */
export interface EntityLoaderFactory {
  /** Rows matching `where`, in `orderBy` order, as the options say (fresh or not). */
  find<T extends object>(entity: EntityName<T>, where: FilterQuery<T>, orderBy?: RowOrder): Promise<T[]>;
  /** One row per id (null where there is none). */
  byId<T extends { id: string }>(entity: EntityName<T>): DataLoader<string, T | null>;
  /** Every row whose `key` column equals the asked value, in `orderBy` order. */
  listBy<T extends object>(entity: EntityName<T>, key: keyof T & string, orderBy: RowOrder): DataLoader<string, T[]>;
}

/** Loader builders over one request's entity manager (the kit forks one per request). */
export function entityLoaders(em: EntityManager, options: EntityLoaderOptions = {}): EntityLoaderFactory {
  const fresh = options.fresh ?? false;
  const find = <T extends object>(entity: EntityName<T>, where: FilterQuery<T>, orderBy: RowOrder = {}) =>
    em.find(entity, where, { orderBy: orderBy as never, ...(fresh ? { disableIdentityMap: true } : {}) }) as Promise<T[]>;
  return {
    find,
    byId: <T extends { id: string }>(entity: EntityName<T>) =>
      new DataLoader<string, T | null>(async (ids) => {
        const rows = await find(entity, { id: { $in: [...ids] } } as unknown as FilterQuery<T>);
        const found = new Map(rows.map((row) => [row.id, row]));
        return ids.map((id) => found.get(id) ?? null);
      }),
    listBy: <T extends object>(entity: EntityName<T>, key: keyof T & string, orderBy: RowOrder) =>
      new DataLoader<string, T[]>(async (values) => {
        const rows = await find(entity, { [key]: { $in: [...values] } } as FilterQuery<T>, orderBy);
        return groupBy(rows, (row) => String(row[key]), values);
      }),
  };
}
