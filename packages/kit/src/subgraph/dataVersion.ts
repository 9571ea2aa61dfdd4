import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database';
import { ErrorCode } from '@nlf/contract';
import { HttpRefusal } from './httpErrors';
import { createFreshReads } from './freshReads';

/** Path on every subgraph that answers its current data version. */
export const DATA_VERSION_PATH = '/data-version';

export interface DataVersion {
  subgraph: string;
  /** Changes in the same transaction as any write to the subgraph's data (see the dataVersion migration). */
  version: string;
}

/**
 * Reads of /data-version one address may make in DATA_VERSION_READS_WINDOW_MS (@fastify/rate-limit).
 * The route is not signature-checked (it carries no personal data), so it must not be a free way to
 * make the database work. A gateway checking versions on every cached read makes at most one read
 * per round trip; above the limit it answers live, which is slower but never stale.
 */
export const DATA_VERSION_READS_PER_WINDOW = 1000;
export const DATA_VERSION_READS_WINDOW_MS = 10_000;

/** The route option of @fastify/rate-limit for `max` requests per `timeWindow` ms per address, answering RATE_LIMITED. */
export function rateLimitFor(max: number, timeWindow: number) {
  return {
    rateLimit: {
      max,
      timeWindow,
      errorResponseBuilder: (_request: unknown, context: { ttl: number }) => {
        const retryAfterSeconds = Math.max(1, Math.ceil(context.ttl / 1000));
        return new HttpRefusal(429, ErrorCode.RATE_LIMITED, `At most ${max} requests every ${timeWindow / 1000} s from one address; retry in ${retryAfterSeconds} s`, {
          limit: max,
          retryAfterSeconds,
        });
      },
    },
  };
}

/**
 * GET /data-version reads the version from the database for every call, never from memory: a caller
 * that asks after a write was committed must get the new version, or a cache would serve old data.
 * Calls that arrive together share the next read (createFreshReads), so a flood costs one query per
 * round trip.
 */
export function registerDataVersionRoute(app: FastifyInstance, database: Database, subgraph: string): void {
  // Callers at the same moment share one read that started after each of them asked.
  const read = createFreshReads(() => readDataVersion(database));
  app.get(DATA_VERSION_PATH, { config: rateLimitFor(DATA_VERSION_READS_PER_WINDOW, DATA_VERSION_READS_WINDOW_MS) }, async (_request, reply) => {
    try {
      const version = await read();
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
