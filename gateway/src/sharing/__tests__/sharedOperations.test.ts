import { createHash } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { getOperationAST, parse } from 'graphql';
import { installPipeline } from '../../pipeline/gatewayPlugin';
import { createSharedOperations, SHARED_HEADER, type SharedOperations } from '../sharedOperations';

const PERSONAL = new Set(['leaderMembers']);
const EXCHANGE_HEADERS = new Set(['content-length', 'date', 'connection', 'keep-alive', 'x-request-id']);

/**
 * A /graphql route that does what Apollo Server does for the sharing plugin: it resolves the
 * operation (didResolveOperation), then executes it. Each execution waits until the test lets it
 * finish, so that requests are in flight together.
 */
async function gatewayLike() {
  const sharing: SharedOperations = createSharedOperations(EXCHANGE_HEADERS, { personalFields: () => PERSONAL });
  const app: FastifyInstance = Fastify();
  const executions: { query: string; role: string; finish: (status?: number) => void }[] = [];
  let waiting: (() => void) | undefined;
  app.addHook('preHandler', async (request) => {
    if (request.routeOptions.url !== '/graphql') return;
    request.replyKey = JSON.stringify([request.headers['x-role'], request.body]);
  });
  installPipeline(app, [{ name: 'in-flight sharing', hooks: [sharing.routeHooks((request) => request.replyKey)] }], '/graphql');
  app.post('/graphql', async (request, reply) => {
    const { query } = request.body as { query: string };
    const listener = await sharing.plugin.requestDidStart!({ contextValue: { operationLead: request.operationLead } } as never);
    const document = parse(query);
    const queryHash = createHash('sha256').update(query).digest('hex');
    await listener?.didResolveOperation?.({ document, operation: getOperationAST(document), queryHash } as never);
    const role = String(request.headers['x-role']);
    const status = await new Promise<number>((resolve) => {
      executions.push({ query, role, finish: (code = 200) => resolve(code) });
      waiting?.();
    });
    return reply.code(status).header('x-request-id', request.id).header('x-role-seen', role).send({ data: { n: executions.length, role } });
  });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  /** Resolves once `count` executions have started. */
  const started = (count: number) =>
    new Promise<void>((resolve) => {
      const check = () => (executions.length >= count ? resolve() : (waiting = check));
      check();
    });
  const send = async (query: string, role = 'anonymous') => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'x-role': role, 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const body = await response.text();
    return { statusCode: response.status, body, json: () => JSON.parse(body), headers: Object.fromEntries(response.headers) };
  };
  return { app, sharing, executions, started, send };
}

/** Lets the event loop run, so that requests sent together reach their hooks. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('createSharedOperations', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => app?.close());

  it('answers identical requests in flight, from the same role and organisation, with one execution', async () => {
    const gateway = await gatewayLike();
    app = gateway.app;
    const first = gateway.send('{ organisations { id } }', 'union-staff:lederne');
    await gateway.started(1);
    const second = gateway.send('{ organisations { id } }', 'union-staff:lederne');
    await settle();
    gateway.executions[0]!.finish();
    const [a, b] = await Promise.all([first, second]);
    expect(gateway.executions).toHaveLength(1);
    expect(a.json()).toEqual({ data: { n: 1, role: 'union-staff:lederne' } });
    expect(b.body).toBe(a.body);
    expect(b.headers[SHARED_HEADER]).toBe('joined');
    expect(a.headers[SHARED_HEADER]).toBeUndefined();
    expect(b.headers['x-role-seen']).toBe('union-staff:lederne');
    // A header of one exchange only is never sent again.
    expect(b.headers['x-request-id']).toBeUndefined();
    expect(gateway.sharing.stats()).toEqual({ led: 1, joined: 1 });
  });

  it('runs a request from another role or organisation on its own', async () => {
    const gateway = await gatewayLike();
    app = gateway.app;
    const first = gateway.send('{ organisations { id } }', 'union-staff:lederne');
    await gateway.started(1);
    const second = gateway.send('{ organisations { id } }', 'union-staff:fagforbundet');
    await gateway.started(2);
    gateway.executions.forEach((execution) => execution.finish());
    const [a, b] = await Promise.all([first, second]);
    expect(a.json().data.role).toBe('union-staff:lederne');
    expect(b.json().data.role).toBe('union-staff:fagforbundet');
    expect(b.headers[SHARED_HEADER]).toBeUndefined();
    expect(gateway.sharing.stats().joined).toBe(0);
  });

  it.each([
    ['a mutation', 'mutation { recordDecision { id } }'],
    ['a query with a personal field', '{ organisations { ...F } } fragment F on Organisation { leaderMembers { totalCount } }'],
  ])('never shares %s: each request runs', async (_what, query) => {
    const gateway = await gatewayLike();
    app = gateway.app;
    const first = gateway.send(query);
    await gateway.started(1);
    const second = gateway.send(query);
    await gateway.started(2);
    gateway.executions.forEach((execution) => execution.finish());
    const [a, b] = await Promise.all([first, second]);
    expect(gateway.executions.map((execution) => execution.query)).toEqual([query, query]);
    expect([a.json().data.n, b.json().data.n]).toEqual([2, 2]);
    expect(b.headers[SHARED_HEADER]).toBeUndefined();
  });

  it('does not share a failed answer: the follower runs on its own, and so does the next caller', async () => {
    const gateway = await gatewayLike();
    app = gateway.app;
    const first = gateway.send('{ organisations { id } }');
    await gateway.started(1);
    const second = gateway.send('{ organisations { id } }');
    await settle();
    gateway.executions[0]!.finish(503);
    await gateway.started(2);
    gateway.executions[1]!.finish();
    const [a, b] = await Promise.all([first, second]);
    expect(a.statusCode).toBe(503);
    expect(b.statusCode).toBe(200);
    expect(b.headers[SHARED_HEADER]).toBeUndefined();
    const third = gateway.send('{ organisations { id } }');
    await gateway.started(3);
    gateway.executions[2]!.finish();
    expect((await third).json().data.n).toBe(3);
  });

  it('keeps nothing once the answer is sent: the same request later runs again', async () => {
    const gateway = await gatewayLike();
    app = gateway.app;
    const first = gateway.send('{ organisations { id } }');
    await gateway.started(1);
    gateway.executions[0]!.finish();
    await first;
    const second = gateway.send('{ organisations { id } }');
    await gateway.started(2);
    gateway.executions[1]!.finish();
    expect((await second).json().data.n).toBe(2);
    expect(gateway.sharing.stats()).toEqual({ led: 2, joined: 0 });
  });
});
