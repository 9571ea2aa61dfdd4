import { createServer } from 'node:net';
import { ErrorCode, type Viewer } from '@nlf/contract';
import type { Logger } from '@nlf/kit';
import Fastify, { type FastifyInstance } from 'fastify';
import { installPipeline, type GatewayPlugin } from '../../pipeline/gatewayPlugin';
import { client } from '../../pipeline/__tests__/client';
import { DEFAULT_MAX_BATCH, DEFAULT_MAX_BODY_BYTES, useHttpLimits, type HttpLimitsOptions } from '../httpLimits';

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

/** The caller named by the x-subject header, as authentication would settle it. */
const naming: GatewayPlugin = {
  name: 'caller',
  hooks: [{ onRequest: async (request) => void (request.viewer = { subject: String(request.headers['x-subject']), role: 'union-staff', organisationId: 'lederne' } satisfies Viewer) }],
};

async function setUp(options?: HttpLimitsOptions) {
  const app = Fastify({ bodyLimit: options?.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES });
  apps.push(app);
  const limits = useHttpLimits(options);
  app.addHook('onClose', async () => limits.close?.());
  installPipeline(app, [naming, limits]);
  app.post('/graphql', async () => ({ data: {} }));
  return client(app);
}

describe('useHttpLimits', () => {
  it(`refuses a batch of more than ${DEFAULT_MAX_BATCH} operations by default`, async () => {
    const http = await setUp();
    const batch = (size: number) => JSON.stringify(Array.from({ length: size }, () => ({ query: '{ __typename }' })));
    expect((await http.post('/graphql', batch(DEFAULT_MAX_BATCH), { 'x-subject': 'a' })).statusCode).toBe(200);
    const refused = await http.post('/graphql', batch(DEFAULT_MAX_BATCH + 1), { 'x-subject': 'a' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json.errors[0].extensions).toEqual({ code: ErrorCode.BATCH_LIMIT_EXCEEDED, limit: DEFAULT_MAX_BATCH, actual: DEFAULT_MAX_BATCH + 1 });
  });

  it('answers a body over the limit 413 REQUEST_TOO_LARGE through the pipeline’s error handler', async () => {
    const http = await setUp({ maxBodyBytes: 64 });
    const refused = await http.post('/graphql', JSON.stringify({ query: 'x'.repeat(100) }), { 'x-subject': 'a' });
    expect(refused.statusCode).toBe(413);
    expect(refused.json.errors[0].extensions).toEqual({ code: ErrorCode.REQUEST_TOO_LARGE, limit: 64 });
  });

  it('limits each caller’s rate on its own, saying when to retry', async () => {
    const http = await setUp({ rateLimit: { perMinute: 60, burst: 2 } });
    const ask = (subject: string) => http.post('/graphql', '{}', { 'x-subject': subject });
    expect((await ask('a')).statusCode).toBe(200);
    expect((await ask('a')).statusCode).toBe(200);
    const refused = await ask('a');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(refused.json.errors[0].extensions).toMatchObject({ code: ErrorCode.RATE_LIMITED, limitPerMinute: 60 });
    expect((await ask('b')).statusCode).toBe(200);
  });

  it('with a Redis URL nobody answers, still limits each caller (in this process) and logs why', async () => {
    const listener = createServer();
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const { port } = listener.address() as { port: number };
    await new Promise<void>((resolve) => listener.close(() => resolve()));
    const warnings: string[] = [];
    const logger = { warn: (_fields: unknown, message: string) => warnings.push(message), info: () => undefined } as unknown as Logger;
    const http = await setUp({ rateLimit: { perMinute: 60, burst: 2, redisUrl: `redis://127.0.0.1:${port}` }, logger });
    const ask = (subject: string) => http.post('/graphql', '{}', { 'x-subject': subject });
    expect([(await ask('a')).statusCode, (await ask('a')).statusCode]).toEqual([200, 200]);
    const refused = await ask('a');
    expect(refused.statusCode).toBe(429);
    expect(refused.json.errors[0].extensions).toMatchObject({ code: ErrorCode.RATE_LIMITED, limitPerMinute: 60 });
    expect(warnings).toEqual([expect.stringMatching(/^rate limits kept in this process until Redis answers again/)]);
  });
});
