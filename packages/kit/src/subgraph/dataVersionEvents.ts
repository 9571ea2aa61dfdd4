import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database';
import { ErrorCode } from '@nlf/contract';
import type { DataVersionListener } from './dataVersionListener';
import { DATA_VERSION_PATH, rateLimitFor, readDataVersion } from './dataVersion';

/** Server-sent events of the subgraph's data version: the current one first, then every change. */
export const DATA_VERSION_EVENTS_PATH = `${DATA_VERSION_PATH}/events`;

export interface DataVersionEventsOptions {
  /** Seconds between keep-alive comments, by which a follower tells a live stream from a dead one. Default: 5. */
  heartbeatSeconds?: number;
  /** Streams open at once, from all callers. Default: MAX_DATA_VERSION_STREAMS. */
  maxStreams?: number;
}

/**
 * Streams of one subgraph open at once: each gateway process holds one, so this leaves room for a
 * fleet of gateways and their reconnects, and bounds what callers who are not the gateway can hold.
 */
export const MAX_DATA_VERSION_STREAMS = 32;
/** Streams one address may open a minute (@fastify/rate-limit): a gateway reconnects only when its stream is lost. */
export const DATA_VERSION_STREAMS_PER_MINUTE = 60;

/**
 * GET /data-version/events: a gateway follows the data version instead of reading it for every
 * cached answer. The stream is opened only after LISTEN is in place, and the current version is read
 * after that, so no change can fall between the first event and the announcements that follow.
 * The listener is the subgraph's one (its owner closes it), shared with the public snapshot.
 */
export function registerDataVersionEvents(
  app: FastifyInstance,
  database: Database,
  subgraph: string,
  listener: DataVersionListener,
  options: DataVersionEventsOptions = {},
): void {
  const heartbeatMs = (options.heartbeatSeconds ?? 5) * 1000;
  const open = new Set<() => void>();
  const maxStreams = options.maxStreams ?? MAX_DATA_VERSION_STREAMS;
  // Counted from the moment a request is taken, so that callers arriving together cannot overshoot.
  let streams = 0;

  app.get(DATA_VERSION_EVENTS_PATH, { config: rateLimitFor(DATA_VERSION_STREAMS_PER_MINUTE, 60_000) }, async (request, reply) => {
    if (streams >= maxStreams) {
      return reply.code(429).header('retry-after', '5').send({
        errors: [{ message: `${maxStreams} data version streams are open, the most this subgraph serves; retry in 5 s`, extensions: { code: ErrorCode.RATE_LIMITED, limit: maxStreams, retryAfterSeconds: 5 } }],
      });
    }
    streams += 1;
    let released = false;
    const release = () => {
      if (!released) streams -= 1;
      released = true;
    };
    let stop = () => undefined as unknown;
    let ended = false;
    const raw = reply.raw;
    const end = () => {
      if (ended) return;
      ended = true;
      clearInterval(heartbeat);
      stop();
      release();
      open.delete(end);
      raw.end();
    };
    let heartbeat: NodeJS.Timeout | undefined;
    let version: string | undefined;
    try {
      stop = await listener.follow({ send: (next) => raw.write(`event: version\ndata: ${next}\n\n`), end });
      version = await readDataVersion(database);
    } catch {
      stop();
      release();
      return reply.code(503).send({ subgraph, error: 'database unavailable' });
    }
    if (!version) {
      stop();
      release();
      return reply.code(503).send({ subgraph, error: 'no data version row' });
    }
    reply.hijack();
    raw.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    raw.write(`event: version\ndata: ${version}\n\n`);
    heartbeat = setInterval(() => raw.write(': alive\n\n'), heartbeatMs);
    open.add(end);
    request.raw.on('close', end);
    // A caller gone while LISTEN was being set up closed before the listener was there.
    if (request.raw.destroyed) end();
  });

  // Before the server waits for open connections to finish: these streams never finish by themselves.
  app.addHook('preClose', async () => {
    for (const end of [...open]) end();
  });
}
