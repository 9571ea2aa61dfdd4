import { LRUCache } from 'lru-cache';

export interface RateLimitOptions {
  /** Requests each identity may make per minute, on average. 0 turns the limit off. Default: 600. */
  perMinute?: number;
  /** Requests an identity may make at once after a quiet spell. Default: a sixth of perMinute, at least 10. */
  burst?: number;
  /**
   * Identities remembered at most; the least recently seen is forgotten first (it comes back with a
   * full bucket, as after a quiet spell). Default: 100 000.
   */
  maxIdentities?: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the next request would be allowed (when refused). */
  retryAfterSeconds: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per identity: steady traffic up to the rate passes, bursts are capped. Kept by hand:
 * @fastify/rate-limit counts fixed windows, which lets twice the burst through across a window's end.
 */
export function createRateLimiter(options: RateLimitOptions = {}, now: () => number = Date.now) {
  const perMinute = options.perMinute ?? 600;
  const burst = options.burst ?? Math.max(10, Math.floor(perMinute / 6));
  const maxIdentities = options.maxIdentities ?? 100_000;
  const perMs = perMinute / 60_000;
  const buckets = new LRUCache<string, Bucket>({ max: maxIdentities });

  return {
    perMinute,
    /** Identities remembered now. */
    get identities(): number {
      return buckets.size;
    },
    take(identity: string): RateDecision {
      if (perMinute === 0) return { allowed: true, retryAfterSeconds: 0 };
      const time = now();
      let bucket = buckets.get(identity);
      if (!bucket) buckets.set(identity, (bucket = { tokens: burst, at: time }));
      bucket.tokens = Math.min(burst, bucket.tokens + (time - bucket.at) * perMs);
      bucket.at = time;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true, retryAfterSeconds: 0 };
      }
      return { allowed: false, retryAfterSeconds: Math.ceil((1 - bucket.tokens) / perMs / 1000) };
    },
  };
}
