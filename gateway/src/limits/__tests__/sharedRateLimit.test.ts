import { createServer } from 'node:net';
import type { Logger } from '@nlf/kit';
import { createSharedRateLimiter, redisAddress } from '../sharedRateLimit';

/** A port on 127.0.0.1 nobody listens on: connections to it are refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

function recordingLogger() {
  const lines: { level: string; message: string; fields: Record<string, unknown> }[] = [];
  const at = (level: string) => (fields: Record<string, unknown>, message: string) => void lines.push({ level, message, fields });
  return { lines, logger: { warn: at('warn'), info: at('info'), error: at('error') } as unknown as Logger };
}

describe('createSharedRateLimiter', () => {
  it('when Redis cannot be reached, limits each caller in this process and says so once, without the password', async () => {
    const { lines, logger } = recordingLogger();
    const limiter = createSharedRateLimiter({ redisUrl: `redis://:hunter2@127.0.0.1:${await closedPort()}`, perMinute: 60, burst: 2, logger, connectTimeoutMs: 500 });
    try {
      const decisions = [];
      for (let i = 0; i < 3; i += 1) decisions.push(await limiter.take('sub:a'));
      expect(decisions).toEqual([
        { allowed: true, retryAfterSeconds: 0 },
        { allowed: true, retryAfterSeconds: 0 },
        { allowed: false, retryAfterSeconds: 1 },
      ]);
      expect((await limiter.take('sub:b')).allowed).toBe(true);
      const warnings = lines.filter((line) => line.level === 'warn');
      expect(warnings).toHaveLength(1);
      expect(warnings[0]!.message).toMatch(/^rate limits kept in this process until Redis answers again/);
      expect(JSON.stringify(lines)).not.toContain('hunter2');
    } finally {
      await limiter.close?.();
    }
  });

  it('with perMinute 0 allows everything without connecting to Redis', async () => {
    const { lines, logger } = recordingLogger();
    const limiter = createSharedRateLimiter({ redisUrl: `redis://127.0.0.1:${await closedPort()}`, perMinute: 0, logger, connectTimeoutMs: 500 });
    try {
      for (let i = 0; i < 50; i += 1) expect(await limiter.take('sub:a')).toEqual({ allowed: true, retryAfterSeconds: 0 });
    } finally {
      await limiter.close?.();
    }
    expect(lines).toEqual([]);
  });
});

describe('redisAddress', () => {
  it('names host and port, never the credentials', () => {
    expect(redisAddress('redis://:secret@redis:6380/1')).toBe('redis:6380');
    expect(redisAddress('rediss://user:secret@cache.example')).toBe('cache.example:6379');
  });
});
