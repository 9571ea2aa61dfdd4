import { startChild } from './children';
import { databaseName, databaseVariable, serviceEntry } from './layout';
import { startPostgres } from './postgres';
import type { RunningPostgres } from './types';

export interface PrepareOptions {
  subgraphs: string[];
  dataDir: string;
  postgresPort: number;
  /** `dataDir` is the default one, which may be moved where the postgres user can reach it (see PostgresOptions). */
  relocateWhenBlocked?: boolean;
  /** Subgraphs on a PostgreSQL of their own (npm start reads NLF_DATABASE_URL_<NAME>). Default: none. */
  externalDatabaseUrls?: Record<string, string>;
  log: (line: string) => void;
}

export interface PreparedDatabases {
  /** The embedded PostgreSQL, or null when every subgraph has an external database. */
  postgres: RunningPostgres | null;
  urls: Record<string, string>;
}

/**
 * One database per subgraph: on the embedded PostgreSQL, unless `externalDatabaseUrls` (from
 * NLF_DATABASE_URL_<NAME>) points the subgraph at a PostgreSQL of its own.
 */
export async function prepareDatabases(options: PrepareOptions): Promise<PreparedDatabases> {
  const urls: Record<string, string> = {};
  const embedded: string[] = [];
  for (const name of options.subgraphs) {
    const external = options.externalDatabaseUrls?.[name];
    if (external) {
      urls[name] = external;
      options.log(`${name}: external database from ${databaseVariable(name)}`);
    } else {
      embedded.push(name);
    }
  }
  if (!embedded.length) return { postgres: null, urls };
  const postgres = await startPostgres({
    dataDir: options.dataDir,
    port: options.postgresPort,
    relocateWhenBlocked: options.relocateWhenBlocked,
    log: options.log,
  });
  try {
    for (const name of embedded) {
      await postgres.ensureDatabase(databaseName(name));
      urls[name] = postgres.url(databaseName(name));
    }
  } catch (error) {
    await postgres.stop();
    throw error;
  }
  return { postgres, urls };
}

/** Runs each subgraph's own `seed` command (migrate, then reload its organisations and register), in parallel. */
export async function seedAll(urls: Record<string, string>, log: (line: string) => void, env: NodeJS.ProcessEnv = {}): Promise<void> {
  await Promise.all(
    Object.entries(urls).map(async ([name, url]) => {
      const child = startChild({
        name,
        command: process.execPath,
        args: [serviceEntry(name), 'seed'],
        env: { ...process.env, ...env, DATABASE_URL: url },
        log,
      });
      const code = await child.exited;
      if (code !== 0) throw new Error(`seeding ${name} failed (exit code ${code})`);
    }),
  );
}
