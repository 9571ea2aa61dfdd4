import { EntitySchema } from '@mikro-orm/core';

/** The one row of data_version, as dataVersionStatements creates it (read by SQL of the kit's own). */
export interface DataVersionRow {
  singleton: boolean;
  version: string;
  changedAt: Date;
}

export const DataVersionEntity = new EntitySchema<DataVersionRow>({
  name: 'DataVersion',
  tableName: 'data_version',
  checks: [{ name: 'data_version_singleton_check', expression: 'singleton = true' }],
  properties: {
    singleton: { type: 'boolean', primary: true, default: true },
    version: { type: 'uuid', defaultRaw: 'gen_random_uuid()' },
    changedAt: { type: 'datetime', defaultRaw: 'now()' },
  },
});

/** The channel on which every change of the data version is announced, with the new version. */
export const DATA_VERSION_CHANNEL = 'nlf_data_version';

/**
 * The function every versioned table's trigger runs: a new random version (never a counter, so a
 * database dropped and recreated never repeats an old one), announced with NOTIFY, which
 * PostgreSQL delivers when (and only if) the transaction commits, in commit order.
 */
export const BUMP_DATA_VERSION_FUNCTION = `create or replace function bump_data_version() returns trigger language plpgsql as $$
      declare next_version uuid := gen_random_uuid();
      begin
        update data_version set version = next_version, changed_at = now();
        perform pg_notify('${DATA_VERSION_CHANNEL}', next_version::text);
        return null;
      end $$`;

/** The trigger that changes the data version on any write to `table`, in the same transaction. */
export function dataVersionTriggerSql(table: string): string {
  // Statement level: a reseed of 100 000 rows bumps the version once per statement, not per row.
  return `create trigger ${table}_data_version after insert or update or delete or truncate on ${table}
        for each statement execute function bump_data_version()`;
}

/**
 * Everything a subgraph's database needs for /data-version and /data-version/events: the one-row
 * data_version table, the function above, and a trigger on each of `tables` that changes the
 * version in the same transaction as any write (a mutation, a reseed, a hand-made UPDATE).
 */
// `singleton = true` rather than the equivalent bare `singleton` (databases migrated before have that):
// MikroORM's schema comparison reads back only checks PostgreSQL prints as "CHECK ((...))", so a bare
// column would always differ from DataVersionEntity.
export function dataVersionStatements(tables: readonly string[]): string[] {
  return [
    `create table data_version (
      singleton boolean primary key default true check (singleton = true),
      version uuid not null default gen_random_uuid(),
      changed_at timestamptz not null default now()
    )`,
    'insert into data_version default values',
    BUMP_DATA_VERSION_FUNCTION,
    ...tables.map(dataVersionTriggerSql),
  ];
}

/** Undoes dataVersionStatements(tables). */
export function dropDataVersionStatements(tables: readonly string[]): string[] {
  return [
    ...tables.map((table) => `drop trigger if exists ${table}_data_version on ${table}`),
    'drop function if exists bump_data_version()',
    'drop table if exists data_version',
  ];
}
