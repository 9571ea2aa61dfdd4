import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLDataSource } from '@apollo/gateway';
import { HeaderMap, type GraphQLRequestContext } from '@apollo/server';
import { getOperationAST, parse, type FormattedExecutionResult } from 'graphql';
import { CACHE_STATUS_HEADER, createResponseCache, type CacheSlot, type ResponseCache, type ResponseCacheOptions } from '../responseCache';

/** A subgraph's /data-version, whose version the test changes as a commit would. */
let versionServer: Server;
let version = 'v1';
let versionReads = 0;
let unionUrl: string;

beforeAll(async () => {
  versionServer = createServer((request, response) => {
    if (request.url !== '/data-version') return void response.writeHead(404).end();
    versionReads += 1;
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ version }));
  });
  await new Promise<void>((resolve) => versionServer.listen(0, '127.0.0.1', resolve));
  unionUrl = `http://127.0.0.1:${(versionServer.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((resolve) => versionServer.close(() => resolve())));

const caches: ResponseCache[] = [];
afterEach(() => caches.splice(0).forEach((cache) => cache.close()));
beforeEach(() => {
  version = 'v1';
  versionReads = 0;
});

const PERSONAL = new Set(['leaderMembers']);

function cacheWith(options: Partial<ResponseCacheOptions> = {}) {
  const cache = createResponseCache({
    subgraphUrls: { union: unionUrl },
    personalFields: () => PERSONAL,
    freshness: 'checked',
    ...options,
  });
  caches.push(cache);
  return cache;
}

interface Asked {
  status: string | undefined;
  result: FormattedExecutionResult;
  slot: CacheSlot;
}

/**
 * One request through the plugin's hooks as Apollo Server calls them: responseForOperation, then
 * (when it answered nothing) the plan runs, calling the union subgraph, then willSendResponse.
 */
async function ask(
  cache: ResponseCache,
  query: string,
  execute: () => FormattedExecutionResult,
  { variables = {}, headers = new HeaderMap() }: { variables?: Record<string, unknown>; headers?: HeaderMap } = {},
): Promise<Asked> {
  const document = parse(query);
  const operation = getOperationAST(document)!;
  const contextValue = { cacheSlot: {} as CacheSlot };
  const context = {
    document,
    operation,
    operationName: null,
    queryHash: createHash('sha256').update(query).digest('hex'),
    request: { query, variables, http: { method: 'POST', headers, search: '', body: {} } },
    contextValue,
    response: { http: { headers: new HeaderMap(), status: undefined }, body: undefined as unknown },
  } as unknown as GraphQLRequestContext<object>;
  const listener = (await cache.plugin.requestDidStart!(context))!;
  const answered = await listener.responseForOperation!(context as never);
  let result: FormattedExecutionResult;
  if (answered) {
    result = (answered.body as { singleResult: FormattedExecutionResult }).singleResult;
  } else {
    const serviceMap: Record<string, GraphQLDataSource> = { union: { process: async () => ({ data: {} }) } };
    cache.didResolveQueryPlan({ serviceMap, requestContext: { context: contextValue } });
    await serviceMap.union!.process({} as never);
    result = execute();
  }
  (context.response as { body: unknown }).body = { kind: 'single', singleResult: result };
  await listener.willSendResponse!(context as never);
  return { status: context.response.http.headers.get(CACHE_STATUS_HEADER), result, slot: contextValue.cacheSlot };
}

const COMPARISON = '{ organisations { id memberCount { low } } }';
const answer = (low: number) => () => ({ data: { organisations: [{ id: 'lederne', memberCount: { low } }] } });

describe('createResponseCache', () => {
  it('answers a repeated query from the cache while the data version is unchanged', async () => {
    const cache = cacheWith();
    const first = await ask(cache, COMPARISON, answer(100));
    const second = await ask(cache, COMPARISON, answer(999));
    expect(first).toMatchObject({ status: 'miss', result: answer(100)() });
    expect(second).toMatchObject({ status: 'hit', result: answer(100)() });
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1, live: 0, entries: 1 });
  });

  it('misses for other variables or another caller role', async () => {
    const cache = cacheWith({ roleOf: (headers) => headers.get('x-role') ?? 'anonymous' });
    await ask(cache, COMPARISON, answer(100));
    expect((await ask(cache, COMPARISON, answer(200), { variables: { first: 2 } })).status).toBe('miss');
    const secretariat = await ask(cache, COMPARISON, answer(300), { headers: new HeaderMap([['x-role', 'secretariat']]) });
    expect(secretariat).toMatchObject({ status: 'miss', result: answer(300)() });
  });

  it('answers live a caller without a role, by default any request with an Authorization header', async () => {
    const cache = cacheWith();
    const headers = new HeaderMap([['authorization', 'Bearer x']]);
    await ask(cache, COMPARISON, answer(100), { headers });
    expect((await ask(cache, COMPARISON, answer(200), { headers })).status).toBe('live');
    expect(cache.stats()).toMatchObject({ live: 2, entries: 0 });
  });

  it('never gives an answer computed before the data version changed', async () => {
    const cache = cacheWith();
    await ask(cache, COMPARISON, answer(100));
    version = 'v2';
    const after = await ask(cache, COMPARISON, answer(101));
    expect(after).toMatchObject({ status: 'miss', result: answer(101)() });
    expect((await ask(cache, COMPARISON, answer(999))).result).toEqual(answer(101)());
    expect(versionReads).toBeGreaterThanOrEqual(4);
  });

  it('forgets what a mutation through the gateway touched, before any new version is read', async () => {
    const cache = cacheWith();
    await ask(cache, COMPARISON, answer(100));
    await ask(cache, 'mutation { recordDecision { id } }', () => ({ data: { recordDecision: { id: '1' } } }));
    expect(await ask(cache, COMPARISON, answer(102))).toMatchObject({ status: 'miss', result: answer(102)() });
  });

  it('never keeps a query selecting a personal field, even inside a fragment', async () => {
    const cache = cacheWith();
    const query = '{ organisations { ...F } } fragment F on Organisation { leaderMembers { totalCount } }';
    await ask(cache, query, () => ({ data: { organisations: [] } }));
    expect((await ask(cache, query, () => ({ data: { organisations: [] } }))).status).toBe('live');
    expect(cache.stats().entries).toBe(0);
  });

  it('never keeps an answer with errors', async () => {
    const cache = cacheWith();
    await ask(cache, COMPARISON, () => ({ data: null, errors: [{ message: 'Subgraph "union" is unavailable' }] }));
    expect((await ask(cache, COMPARISON, answer(100))).status).toBe('miss');
  });

  it('never keeps an answer when a subgraph it used cannot say its version', async () => {
    const cache = cacheWith({ subgraphUrls: { union: 'http://127.0.0.1:1/graphql' }, versionTimeoutMs: 500 });
    await ask(cache, COMPARISON, answer(100));
    expect((await ask(cache, COMPARISON, answer(200))).status).toBe('miss');
    expect(cache.stats().entries).toBe(0);
  });

  it('keeps at most maxEntries replies, forgetting the least recently used first', async () => {
    const cache = cacheWith({ maxEntries: 2 });
    await ask(cache, '{ a: organisations { id } }', answer(1));
    await ask(cache, '{ b: organisations { id } }', answer(2));
    await ask(cache, '{ a: organisations { id } }', answer(0));
    await ask(cache, '{ c: organisations { id } }', answer(3));
    expect(cache.stats().entries).toBe(2);
    expect((await ask(cache, '{ a: organisations { id } }', answer(0))).status).toBe('hit');
    expect((await ask(cache, '{ b: organisations { id } }', answer(4))).status).toBe('miss');
  });

  it('keeps 1000 replies by default', async () => {
    const cache = cacheWith();
    for (let i = 0; i <= 1000; i += 1) await ask(cache, `{ a${i}: organisations { id } }`, answer(i));
    expect(cache.stats().entries).toBe(1000);
    expect((await ask(cache, '{ a0: organisations { id } }', answer(-1))).status).toBe('miss');
  });

  it('sends the bytes kept under an HTTP request again while the data version is unchanged', async () => {
    const cache = cacheWith();
    const { slot } = await ask(cache, COMPARISON, answer(100));
    const sent = { payload: Buffer.from(JSON.stringify(answer(100)())), headers: { 'content-type': 'application/json' } };
    cache.keepReply('request-1', slot, sent);
    expect(await cache.replyFor('request-1')).toEqual(sent);
    expect(await cache.replyFor('request-2')).toBeUndefined();
    expect(cache.stats().shortcutHits).toBe(1);
    version = 'v2';
    expect(await cache.replyFor('request-1')).toBeUndefined();
  });

  it('keeps no bytes for a request the plugin did not keep or serve', async () => {
    const cache = cacheWith();
    const { slot } = await ask(cache, '{ organisations { leaderMembers { totalCount } } }', () => ({ data: { organisations: [] } }));
    cache.keepReply('request-1', slot, { payload: Buffer.from('{}'), headers: {} });
    expect(await cache.replyFor('request-1')).toBeUndefined();
  });

  it('forgets everything on clear, for a new supergraph', async () => {
    const cache = cacheWith();
    const { slot } = await ask(cache, COMPARISON, answer(100));
    cache.keepReply('request-1', slot, { payload: Buffer.from('{}'), headers: {} });
    expect(cache.stats().entries).toBe(2);
    cache.clear();
    expect(cache.stats().entries).toBe(0);
    expect(await cache.replyFor('request-1')).toBeUndefined();
    expect((await ask(cache, COMPARISON, answer(1))).status).toBe('miss');
  });
});
