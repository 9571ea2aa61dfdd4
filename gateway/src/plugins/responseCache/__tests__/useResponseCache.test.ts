import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CACHE_STATUS_HEADER, createResponseCache, type ResponseCache } from '../../../cache/responseCache';
import { EXCHANGE_HEADERS } from '../../../cache/sentReply';
import { viewerSlot } from '../../../cache/viewerSlot';
import { localGatewayPerTest, SUBGRAPH } from '../../../pipeline/__tests__/localGateway';
import type { GatewayContext } from '../../../subgraphDataSource';
import { useReplyKey, useResponseCache } from '../useResponseCache';

/** The subgraph's /data-version, whose version a test changes as a commit would. */
let versionServer: Server;
let version = 'v1';
let versionUrl: string;
beforeAll(async () => {
  versionServer = createServer((request, response) => {
    if (request.url !== '/data-version') return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ version }));
  });
  await new Promise<void>((resolve) => versionServer.listen(0, '127.0.0.1', resolve));
  versionUrl = `http://127.0.0.1:${(versionServer.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((resolve) => versionServer.close(() => resolve())));

const startLocalGateway = localGatewayPerTest();
let cache: ResponseCache | undefined;
beforeEach(() => {
  version = 'v1';
});
afterEach(() => {
  cache?.close();
  cache = undefined;
});

/** The gateway's pair as server.ts lists it: the reply key, then the cache, with the same slot. */
async function cachedGateway(slotOf: Parameters<typeof useReplyKey>[0]['slotOf'] = (request) => viewerSlot(request.viewer)) {
  cache = createResponseCache({
    subgraphUrls: { [SUBGRAPH]: versionUrl },
    personalFields: () => new Set(['secret']),
    roleOf: (_headers, contextValue) => viewerSlot((contextValue as GatewayContext | undefined)?.viewer),
    freshness: 'checked',
  });
  const gateway = await startLocalGateway({
    plugins: [useReplyKey({ slotOf }), useResponseCache({ cache, exchangeHeaders: EXCHANGE_HEADERS })],
    responseCache: cache,
  });
  return { gateway, cache };
}

describe('useResponseCache', () => {
  it('serves a second identical public request from the cache, the subgraph running once', async () => {
    const { gateway } = await cachedGateway();
    const first = await gateway.post({ query: '{ count }' });
    const second = await gateway.post({ query: '{ count }' });
    expect(first.json).toEqual({ data: { count: 1 } });
    expect(first.headers[CACHE_STATUS_HEADER]).toBe('miss');
    expect(second.json).toEqual({ data: { count: 1 } });
    expect(second.headers[CACHE_STATUS_HEADER]).toBe('hit');
    expect(gateway.executions()).toBe(1);
  });

  it('never caches a personal field: each request runs', async () => {
    const { gateway } = await cachedGateway();
    const first = await gateway.post({ query: '{ secret }' });
    const second = await gateway.post({ query: '{ secret }' });
    expect([first.json.data.secret, second.json.data.secret]).toEqual(['secret 1', 'secret 2']);
    expect(second.headers[CACHE_STATUS_HEADER]).toBe('live');
    expect(gateway.executions()).toBe(2);
  });

  it('runs again once the subgraph data version changed', async () => {
    const { gateway } = await cachedGateway();
    await gateway.post({ query: '{ count }' });
    version = 'v2';
    const after = await gateway.post({ query: '{ count }' });
    expect(after.json).toEqual({ data: { count: 2 } });
    expect(after.headers[CACHE_STATUS_HEADER]).toBe('miss');
  });

  it('does not give one role the answer kept for another', async () => {
    const { gateway } = await cachedGateway();
    await gateway.post({ query: '{ count }' });
    const staff = await gateway.post({ query: '{ count }' }, { 'x-test-role': 'union-staff' });
    expect(staff.json).toEqual({ data: { count: 2 } });
    expect(staff.headers[CACHE_STATUS_HEADER]).toBe('miss');
  });
});

describe('useReplyKey', () => {
  it('keys a request of a slot: the same bytes go out again before GraphQL runs', async () => {
    const { gateway, cache } = await cachedGateway();
    await gateway.post({ query: '{ count }' });
    await gateway.post({ query: '{ count }' });
    expect(cache.stats().shortcutHits).toBe(1);
  });

  it('keys no request whose slot is null: a repeat is answered by Apollo Server, not by the kept bytes', async () => {
    const { gateway, cache } = await cachedGateway(() => null);
    await gateway.post({ query: '{ count }' });
    const second = await gateway.post({ query: '{ count }' });
    expect(second.headers[CACHE_STATUS_HEADER]).toBe('hit');
    expect(cache.stats()).toMatchObject({ shortcutHits: 0, hits: 1 });
  });
});
