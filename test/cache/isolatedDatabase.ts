import { openDatabase, type Database } from '@nlf/kit';
import { seedAll } from '@nlf/stack';
import { harnessState } from '../harness/state';

export interface IsolatedDatabase {
  url: string;
  /** Runs SQL on it, as a union's own application or an operator would. */
  execute(sql: string, params?: unknown[]): Promise<unknown>;
  /** The subgraph's own `seed` command, as a union reloading its data does. */
  reseed(env: NodeJS.ProcessEnv): Promise<void>;
  drop(): Promise<void>;
}

/**
 * A database of one subgraph for one test file, on the test PostgreSQL: tests that change data must
 * not change what the other test files read from the shared seeded databases.
 */
export async function createIsolatedDatabase(subgraph: string, env: NodeJS.ProcessEnv): Promise<IsolatedDatabase> {
  const shared = new URL(harnessState().databaseUrls[subgraph]!);
  const name = `nlf_${subgraph}_isolated_${process.pid}`;
  const admin = new URL(shared);
  admin.pathname = '/postgres';
  const adminDb = await openDatabase({ url: admin.toString(), poolSize: 1 });
  const run = (sql: string) => adminDb.orm.em.getConnection().execute(sql);
  await run(`drop database if exists ${name} with (force)`);
  await run(`create database ${name}`);
  const url = new URL(shared);
  url.pathname = `/${name}`;
  const quiet = () => undefined;
  await seedAll({ [subgraph]: url.toString() }, quiet, env);
  const database: Database = await openDatabase({ url: url.toString(), poolSize: 1 });
  return {
    url: url.toString(),
    execute: (sql, params = []) => database.orm.em.getConnection().execute(sql, params),
    reseed: (reseedEnv) => seedAll({ [subgraph]: url.toString() }, quiet, reseedEnv),
    drop: async () => {
      await database.close();
      await run(`drop database if exists ${name} with (force)`);
      await adminDb.close();
    },
  };
}
