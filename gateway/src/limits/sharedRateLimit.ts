import type { Logger } from '@nlf/kit';
import { Redis, type Result } from 'ioredis';
import { ALLOWED, bucketShape, createRateLimiter, refusalAfter, type RateDecision, type RateLimiter, type RateLimitOptions } from './rateLimit';

/**
 * The token bucket of rateLimit.ts, run inside Redis so that every replica takes from the same one.
 * A script, so that reading, refilling and taking are one step however many replicas ask at once;
 * Redis's own clock, so that replicas whose clocks differ still refill a bucket at the same rate.
 * The bucket is forgotten (PEXPIRE) once it would be full again: a forgotten bucket is a full one.
 * Kept by hand: @fastify/rate-limit's Redis store counts fixed windows (see rateLimit.ts).
 */
const TAKE_TOKEN = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000
local burst = tonumber(ARGV[1])
local perMs = tonumber(ARGV[2])
local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(bucket[1]) or burst
local at = tonumber(bucket[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) * perMs)
local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return {allowed, tostring(tokens)}
`;

declare module 'ioredis' {
  interface RedisCommander<Context> {
    nlfTakeToken(key: string, burst: number, perMs: number, ttlMs: number): Result<[number, string], Context>;
  }
}

/** Prefix of the buckets' keys, so the Redis server may hold other things too. */
export const RATE_LIMIT_KEY_PREFIX = 'nlf:rate:';

export interface SharedRateLimitOptions extends RateLimitOptions {
  redisUrl: string;
  /** Where the changes between shared and per-process limits are said. Required. */
  logger: Logger;
  /** Longest a bucket may take to answer before this request is decided in this process. Default: 250 ms. */
  commandTimeoutMs?: number;
  /** Longest the first connection may take; requests arriving meanwhile wait for it. Default: 2000 ms. */
  connectTimeoutMs?: number;
}

/** host:port of a Redis URL, never its password. */
export function redisAddress(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '6379'}`;
}

/**
 * Buckets in Redis, shared by every gateway pointed at the same server. When Redis does not answer
 * (down, unreachable, slower than commandTimeoutMs) the request is decided by a bucket of this
 * process instead: the caller is still limited, by each replica on its own (so up to N times the
 * limit across N replicas), and one warning says so; one line says when the buckets are shared
 * again. Never unlimited, never a refusal for Redis's sake, never an unhandled error.
 */
export function createSharedRateLimiter(options: SharedRateLimitOptions): RateLimiter {
  const { perMinute, burst, perMs } = bucketShape(options);
  // No limit: nothing to share, no connection.
  if (perMinute === 0) return createRateLimiter(options);
  // A bucket is full again after burst / rate; kept a second longer so a refill is never cut short.
  const ttlMs = Math.ceil(burst / perMs) + 1000;
  const local = createRateLimiter(options);
  const address = redisAddress(options.redisUrl);
  const redis = new Redis(options.redisUrl, {
    // Fail at once while disconnected, rather than queue requests behind a reconnection.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: options.commandTimeoutMs ?? 250,
    connectTimeout: options.connectTimeoutMs ?? 2000,
    // Reconnect for as long as the process runs, at most every 2 s.
    retryStrategy: (attempt) => Math.min(attempt * 100, 2000),
  });
  redis.defineCommand('nlfTakeToken', { numberOfKeys: 1, lua: TAKE_TOKEN });

  // Only the changes are logged: a warning when requests begin to be decided here, a line when shared again.
  let warned = false;
  const fallBack = (reason: string) => {
    if (warned) return;
    warned = true;
    options.logger.warn({ redis: address, reason }, 'rate limits kept in this process until Redis answers again: each gateway replica limits a caller on its own meanwhile');
  };
  const sharedAgain = () => {
    warned = false;
    options.logger.info({ redis: address }, 'rate limits shared through Redis');
  };
  redis.on('ready', sharedAgain);
  // Without a listener an 'error' event would end the process; each is one failed (re)connection.
  redis.on('error', (error: Error) => fallBack(error.message));

  // Requests that arrive while the first connection is being made wait for it (connectTimeoutMs at
  // most), so a gateway that has just started does not begin in the per-process fallback.
  let firstConnection: Promise<void> | undefined = new Promise<void>((resolve) => {
    const settle = () => {
      firstConnection = undefined;
      resolve();
    };
    redis.once('ready', settle);
    redis.once('error', settle);
    setTimeout(settle, (options.connectTimeoutMs ?? 2000) + 100).unref();
  });

  const takeShared = async (identity: string): Promise<RateDecision> => {
    if (firstConnection) await firstConnection;
    if (redis.status !== 'ready') {
      fallBack(`not connected (${redis.status})`);
      return local.take(identity);
    }
    try {
      const [allowed, tokens] = await redis.nlfTakeToken(RATE_LIMIT_KEY_PREFIX + identity, burst, perMs, ttlMs);
      // Shared again after a command failed on a connection that stayed up (a slow Redis).
      if (warned) sharedAgain();
      return allowed === 1 ? ALLOWED : refusalAfter(Number(tokens), perMs);
    } catch (error) {
      fallBack((error as Error).message);
      return local.take(identity);
    }
  };

  return {
    perMinute,
    take: takeShared,
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
