import { createRateLimiter } from '../rateLimit';

function clock() {
  let time = 1_000_000;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

describe('createRateLimiter', () => {
  it('as shipped: 600 a minute in bursts of 100, then one every 100 ms, and says when to retry', () => {
    const { now, advance } = clock();
    const limiter = createRateLimiter({}, now);
    expect(limiter.perMinute).toBe(600);
    for (let i = 0; i < 100; i += 1) expect(limiter.take('sub:a').allowed).toBe(true);
    expect(limiter.take('sub:a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    advance(100);
    expect(limiter.take('sub:a').allowed).toBe(true);
    expect(limiter.take('sub:a').allowed).toBe(false);
  });

  it('keeps a bucket per identity', () => {
    const { now } = clock();
    const limiter = createRateLimiter({ perMinute: 60, burst: 2 }, now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')].map((d) => d.allowed)).toEqual([true, true, false]);
    expect(limiter.take('a').retryAfterSeconds).toBe(1);
    expect(limiter.take('b').allowed).toBe(true);
  });

  it('never refills past the burst, however long the quiet spell', () => {
    const { now, advance } = clock();
    const limiter = createRateLimiter({ perMinute: 60, burst: 3 }, now);
    limiter.take('a');
    advance(3_600_000);
    expect([1, 2, 3, 4].map(() => limiter.take('a').allowed)).toEqual([true, true, true, false]);
  });

  it('remembers at most maxIdentities, forgetting the least recently seen first', () => {
    const { now } = clock();
    const limiter = createRateLimiter({ perMinute: 60, burst: 1, maxIdentities: 2 }, now);
    limiter.take('a');
    limiter.take('b');
    limiter.take('a'); // refused, and a is now the most recently seen
    limiter.take('c'); // b is forgotten
    expect(limiter.identities).toBe(2);
    expect(limiter.take('a').allowed).toBe(false);
    expect(limiter.take('b').allowed).toBe(true); // forgotten, so a full bucket again
  });

  it('perMinute 0 turns the limit off', () => {
    const limiter = createRateLimiter({ perMinute: 0 });
    expect(Array.from({ length: 1000 }, () => limiter.take('a').allowed).every(Boolean)).toBe(true);
  });
});
