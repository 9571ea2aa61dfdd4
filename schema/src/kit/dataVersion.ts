import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database';

/** Path on every subgraph that answers its current data version. */
export const DATA_VERSION_PATH = '/data-version';

export interface DataVersion {
  subgraph: string;
  /** Changes in the same transaction as any write to the subgraph's data (see the dataVersion migration). */
  version: string;
}

/**
 * GET /data-version reads the version from the database on every call, never from memory: a caller
 * that asks after a write was committed must get the new version, or a cache would serve old data.
 */
export function registerDataVersionRoute(app: FastifyInstance, database: Database, subgraph: string): void {
  app.get(DATA_VERSION_PATH, async (_request, reply) => {
    try {
      const version = await readDataVersion(database);
      if (!version) return reply.code(503).send({ subgraph, error: 'no data version row' });
      const body: DataVersion = { subgraph, version };
      return body;
    } catch {
      return reply.code(503).send({ subgraph, error: 'database unavailable' });
    }
  });
}

/** The version now in the database; undefined when its row is missing. */
export async function readDataVersion(database: Database): Promise<string | undefined> {
  const rows: { version: string }[] = await database.orm.em.getConnection().execute('select version from data_version');
  return rows[0]?.version;
}
