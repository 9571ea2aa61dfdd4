import Fastify, { type FastifyInstance } from 'fastify';
import { installPipeline } from '../../pipeline/gatewayPlugin';
import { MAX_REMEMBERED_REFUSAL_BYTES, useRefusalMemo } from '../refusalMemo';

const EXCHANGE = new Set(['content-length', 'date', 'connection', 'keep-alive', 'x-request-id']);

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

/** A route that refuses what its body asks, counting how often it really ran. */
async function setUp(maxEntries?: number) {
  const app: FastifyInstance = Fastify({ forceCloseConnections: true });
  apps.push(app);
  const plugin = useRefusalMemo({
    maxEntries,
    slotOf: (request) => (request.headers['x-slot'] === 'none' ? null : String(request.headers['x-slot'] ?? 'anonymous:')),
    exchangeHeaders: EXCHANGE,
  });
  // The pipeline's one error handler is the gateway's own answer to a body Fastify cannot parse (sendHttpError).
  installPipeline(app, [plugin], '/graphql');
  const memo = plugin.memo;
  const handled: unknown[] = [];
  const answer = (ask: { status?: number; codes?: string[]; message?: string } | null) => ({
    status: ask?.status ?? 400,
    body: { errors: (ask?.codes ?? ['DEPTH_LIMIT_EXCEEDED']).map((code) => ({ message: ask?.message ?? `refused: ${code}`, extensions: { code } })) },
  });
  const handler = async (ask: Parameters<typeof answer>[0], reply: import('fastify').FastifyReply) => {
    handled.push(ask);
    const { status, body } = answer(ask);
    return reply.code(status).header('x-request-id', String(handled.length)).header('x-kept', 'yes').send(body);
  };
  app.post('/graphql', async (request, reply) => handler(request.body as Parameters<typeof answer>[0], reply));
  app.get('/graphql', async (request, reply) => handler(JSON.parse(String((request.query as { ask?: string }).ask ?? 'null')), reply));
  app.post('/other', async (request, reply) => handler(request.body as Parameters<typeof answer>[0], reply));
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const send = async (method: 'GET' | 'POST', url: string, headers: Record<string, string> = {}, body?: string) => {
    const response = await fetch(`${base}${url}`, { method, headers, body });
    return { statusCode: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
  };
  const post = (body: unknown, headers: Record<string, string> = {}, url = '/graphql') =>
    send('POST', url, { 'content-type': 'application/json', ...headers }, typeof body === 'string' ? body : JSON.stringify(body));
  const get = (url: string) => send('GET', url);
  return { app, memo, handled, post, get };
}

describe('useRefusalMemo', () => {
  it('answers a request refused before with the same bytes, without running the route again', async () => {
    const { handled, post } = await setUp();
    const first = await post({ codes: ['COST_LIMIT_EXCEEDED'] });
    const second = await post({ codes: ['COST_LIMIT_EXCEEDED'] });
    expect(first.statusCode).toBe(400);
    expect(second.statusCode).toBe(400);
    expect(second.body).toBe(first.body);
    expect(second.headers['x-kept']).toBe('yes');
    // The first exchange's own headers are not replayed.
    expect(second.headers['x-request-id']).toBeUndefined();
    expect(handled).toHaveLength(1);
  });

  it('keys by the caller\'s slot, the headers that change how a request is read, and the exact body', async () => {
    const { handled, post } = await setUp();
    await post({ codes: ['ALIAS_LIMIT_EXCEEDED'] }, { 'x-slot': 'secretariat:' });
    await post({ codes: ['ALIAS_LIMIT_EXCEEDED'] }, { 'x-slot': 'union-staff:lederne' });
    await post({ codes: ['ALIAS_LIMIT_EXCEEDED'] }, { 'x-slot': 'secretariat:', 'x-apollo-operation-name': 'A' });
    await post(' {"codes":["ALIAS_LIMIT_EXCEEDED"]}', { 'x-slot': 'secretariat:' });
    // A slot of null is never answered from the memo.
    await post({ codes: ['ALIAS_LIMIT_EXCEEDED'] }, { 'x-slot': 'none' });
    await post({ codes: ['ALIAS_LIMIT_EXCEEDED'] }, { 'x-slot': 'none' });
    expect(handled).toHaveLength(6);
    await post({ codes: ['ALIAS_LIMIT_EXCEEDED'] }, { 'x-slot': 'union-staff:lederne' });
    expect(handled).toHaveLength(6);
  });

  it('remembers only 400s whose every code the request alone decides', async () => {
    const { handled, post } = await setUp();
    const asks = [
      { status: 429, codes: ['RATE_LIMITED'] },
      { codes: ['RATE_LIMITED'] },
      { codes: ['GRAPHQL_VALIDATION_FAILED', 'INTERNAL_SERVER_ERROR'] },
      { status: 401, codes: ['UNAUTHENTICATED'] },
      { status: 200, codes: ['FORBIDDEN'] },
      { codes: [] },
      { codes: ['GRAPHQL_VALIDATION_FAILED'], message: 'x'.repeat(MAX_REMEMBERED_REFUSAL_BYTES) },
    ];
    for (const ask of asks) await post(ask);
    for (const ask of asks) await post(ask);
    expect(handled).toHaveLength(asks.length * 2);
  });

  it('keys GET requests by their URL and leaves other routes alone', async () => {
    const { handled, post, get } = await setUp();
    const url = `/graphql?ask=${encodeURIComponent(JSON.stringify({ codes: ['GRAPHQL_PARSE_FAILED'] }))}`;
    const first = await get(url);
    const second = await get(url);
    expect(second.body).toBe(first.body);
    expect(handled).toHaveLength(1);
    await post({ codes: ['DEPTH_LIMIT_EXCEEDED'] }, {}, '/other');
    await post({ codes: ['DEPTH_LIMIT_EXCEEDED'] }, {}, '/other');
    expect(handled).toHaveLength(3);
  });

  it('keeps at most maxEntries, forgets everything on clear(), and still parses JSON as Fastify does', async () => {
    const { memo, handled, post } = await setUp(2);
    for (const code of ['DEPTH_LIMIT_EXCEEDED', 'ALIAS_LIMIT_EXCEEDED', 'COST_LIMIT_EXCEEDED']) await post({ codes: [code] });
    expect(memo.size).toBe(2);
    await post({ codes: ['DEPTH_LIMIT_EXCEEDED'] });
    expect(handled).toHaveLength(4);
    memo.clear();
    expect(memo.size).toBe(0);
    await post({ codes: ['COST_LIMIT_EXCEEDED'] });
    expect(handled).toHaveLength(5);
    // Fastify's own parser behind the digest: empty and broken bodies are still its 400s, and a
    // __proto__ key is refused.
    expect((await post('')).statusCode).toBe(400);
    expect((await post('{"codes": [')).statusCode).toBe(400);
    expect((await post('{"__proto__": {"x": 1}}')).statusCode).toBe(400);
    expect(handled).toHaveLength(5);
  });
});
