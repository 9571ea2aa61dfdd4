import { Migrator } from '@mikro-orm/migrations';
import { MikroORM } from '@mikro-orm/postgresql';
import type { MigrationObject } from '@mikro-orm/core';
import { contractEntities } from './entities';
import { contractMigrations } from './migrations';

export interface DatabaseOptions {
  /** postgres://user:password@host:port/database */
  url: string;
  /** Migrations of the subgraph's own, run after the contract's. Default: none. */
  migrations?: MigrationObject[];
  /** The contract's storage model (organisations, registers) and its migrations. Default: true. */
  contract?: boolean;
  /** Entities of the subgraph's own, beside the contract's. Default: none. */
  entities?: unknown[];
  /** Largest connection pool. Default: 10. */
  poolSize?: number;
}

export interface Database {
  orm: MikroORM;
  /** The connection URL it was opened with (for a LISTEN connection of its own). */
  url: string;
  /** SQL statements sent since start; exported as a metric so N+1 regressions are visible. */
  statementCount(): number;
  close(): Promise<void>;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const contract = options.contract ?? true;
  const orm = await MikroORM.init({
    clientUrl: options.url,
    entities: [...(contract ? contractEntities : []), ...((options.entities ?? []) as never[])],
    extensions: [Migrator],
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    migrations: {
      migrationsList: [...(contract ? contractMigrations : []), ...(options.migrations ?? [])],
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    pool: { min: 0, max: options.poolSize ?? 10 },
    allowGlobalContext: false,
    debug: false,
  });
  let statements = 0;
  orm.em.getConnection().getKnex().on('query', () => {
    statements += 1;
  });
  return {
    orm,
    url: options.url,
    statementCount: () => statements,
    close: () => orm.close(true),
  };
}

/** Names of the migrations not yet applied to this database. */
export async function pendingMigrations(orm: MikroORM): Promise<string[]> {
  return (await orm.getMigrator().getPendingMigrations()).map((migration) => migration.name);
}

/**
 * Applies pending migrations one at a time, each in its own transaction, saying which one runs
 * and how long it took; returns the names applied. A failure leaves the earlier ones applied.
 */
export async function migrate(orm: MikroORM, onProgress: (line: string) => void = () => undefined): Promise<string[]> {
  const pending = await pendingMigrations(orm);
  if (pending.length) onProgress(`${pending.length} migration(s) to apply`);
  const applied: string[] = [];
  for (const [index, name] of pending.entries()) {
    const started = Date.now();
    onProgress(`migration ${index + 1}/${pending.length}: ${name} ...`);
    await orm.getMigrator().up({ to: name });
    applied.push(name);
    onProgress(`migration ${index + 1}/${pending.length}: ${name} applied in ${Date.now() - started} ms`);
  }
  return applied;
}

/**
 * What the schema generator would still change after every migration has run: the SQL that would
 * make the database match its entities, empty when the migrations produce exactly the schema the
 * entities describe (tables, columns and their types, defaults, checks, indexes, foreign keys).
 * Runs the migrations, so give it a fresh database.
 */
export async function schemaDrift(options: DatabaseOptions): Promise<string> {
  const database = await openDatabase(options);
  try {
    await migrate(database.orm);
    return (await database.orm.schema.getUpdateSchemaSQL({ wrap: false, dropTables: true })).trim();
  } finally {
    await database.close();
  }
}
