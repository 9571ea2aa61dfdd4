import { Client } from 'pg';
import { errnoCode, PostgresLaunchError } from './errors.js';

export interface AdminConnection {
  host: string;
  port: number;
  user: string;
  password: string;
}

// Unquoted-identifier style plus digits first; 63 bytes is PostgreSQL's NAMEDATALEN - 1.
const DATABASE_NAME = /^[a-z0-9_]{1,63}$/;

export function assertDatabaseName(name: string): void {
  if (!DATABASE_NAME.test(name)) {
    throw new PostgresLaunchError(
      'PG_INVALID_DATABASE_NAME',
      `Invalid database name ${JSON.stringify(name)}: use 1-63 lowercase letters, digits or underscores.`,
    );
  }
}

/** Safe only after assertDatabaseName: the name cannot contain a double quote. */
function quoted(name: string): string {
  return `"${name}"`;
}

async function withAdminClient<T>(connection: AdminConnection, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ ...connection, database: 'postgres', connectionTimeoutMillis: 10_000 });
  // Without a listener a server-side disconnect would crash the process.
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function ensureDatabase(connection: AdminConnection, name: string): Promise<void> {
  assertDatabaseName(name);
  await withAdminClient(connection, async (client) => {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (existing.rows.length > 0) return;
    try {
      await client.query(`CREATE DATABASE ${quoted(name)}`);
    } catch (error) {
      // 42P04 duplicate_database: a concurrent caller created it between our check and CREATE.
      if (errnoCode(error) !== '42P04') throw error;
    }
  });
}

export async function dropDatabase(connection: AdminConnection, name: string): Promise<void> {
  assertDatabaseName(name);
  await withAdminClient(connection, async (client) => {
    // FORCE ends open sessions (tests and reseeding often leave pools behind).
    await client.query(`DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`);
  });
}
