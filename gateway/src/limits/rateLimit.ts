import { LRUCache } from 'lru-cache';

export interface RateLimitOptions {
  /** Requests each identity may make per minute, on average. 0 turns the limit off. Default: 600. */
  perMinute?: number;
  /** Requests an identity may make at once after a quiet spell. Default: a sixth of perMinute, at least 10. */
  burst?: number;
  /**
   * Identities remembered at most; the least recently seen is forgotten first (it comes back with a
   * full bucket, as after a quiet spell). Default: 100 000. In Redis (sharedRateLimit.ts) a bucket is
   * forgotten instead once it would be full again.
   */
  maxIdentities?: number;
  /**
   * redis:// or rediss:// URL of a Redis server that keeps the buckets, shared by every gateway
   * replica pointed at it (sharedRateLimit.ts). Default: none, the buckets live in this process.
   */
  redisUrl?: string;
}

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the next request would be allowed (when refused). */
  retryAfterSeconds: number;
}

/** Where the buckets live: this process (createRateLimiter) or Redis (createSharedRateLimiter). */
export interface RateLimiter {
  readonly perMinute: number;
  take(identity: string): RateDecision | Promise<RateDecision>;
  /** Releases what the limiter holds open (a Redis connection). */
  close?(): Promise<void>;
}

/** The bucket's shape, from the options with their defaults. */
export interface BucketShape {
  perMinute: number;
  burst: number;
  /** Tokens added per millisecond. */
  perMs: number;
}

export function bucketShape(options: RateLimitOptions = {}): BucketShape {
  const perMinute = options.perMinute ?? 600;
  return { perMinute, burst: options.burst ?? Math.max(10, Math.floor(perMinute / 6)), perMs: perMinute / 60_000 };
}

/** The decision for a bucket left with `tokens` (one already taken when allowed). */
export function refusalAfter(tokens: number, perMs: number): RateDecision {
  return { allowed: false, retryAfterSeconds: Math.ceil((1 - tokens) / perMs / 1000) };
}

export const ALLOWED: RateDecision = Object.freeze({ allowed: true, retryAfterSeconds: 0 });

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per identity: steady traffic up to the rate passes, bursts are capped. Kept by hand:
 * @fastify/rate-limit counts fixed windows, which lets twice the burst through across a window's end.
 */
export function createRateLimiter(options: RateLimitOptions = {}, now: () => number = Date.now) {
  const { perMinute, burst, perMs } = bucketShape(options);
  const maxIdentities = options.maxIdentities ?? 100_000;
  const buckets = new LRUCache<string, Bucket>({ max: maxIdentities });

  return {
    perMinute,
    /** Identities remembered now. */
    get identities(): number {
      return buckets.size;
    },
    take(identity: string): RateDecision {
      if (perMinute === 0) return ALLOWED;
      const time = now();
      let bucket = buckets.get(identity);
      if (!bucket) buckets.set(identity, (bucket = { tokens: burst, at: time }));
      bucket.tokens = Math.min(burst, bucket.tokens + (time - bucket.at) * perMs);
      bucket.at = time;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return ALLOWED;
      }
      return refusalAfter(bucket.tokens, perMs);
    },
  } satisfies RateLimiter & { identities: number };
}
