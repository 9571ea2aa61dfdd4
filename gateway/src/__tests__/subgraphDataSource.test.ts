import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairPem, importPrivateKey } from '@nlf/contract';
import { createSubgraphAgent, SubgraphDataSource } from '../subgraphDataSource';

let server: Server;
let url: string;
beforeAll(async () => {
  // A subgraph that takes 2 s to answer anything.
  server = createServer((_request, response) => {
    setTimeout(() => response.end('{"data":{"__typename":"Query"}}'), 2000);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('SubgraphDataSource', () => {
  it('answers SUBGRAPH_TIMEOUT, naming the subgraph and the limit but not its address, when it is too slow', async () => {
    const agent = createSubgraphAgent();
    const source = new SubgraphDataSource({
      name: 'slow',
      url,
      agent,
      signingKey: await importPrivateKey((await generateKeyPairPem()).privateKey),
      timeoutMs: 200,
      onUnavailable: () => undefined,
    });
    const response = await source.process({
      kind: 'INCOMING_OPERATION',
      request: { query: '{ __typename }', http: { method: 'POST', url, headers: new Map() as never } },
      context: {},
      incomingRequestContext: {} as never,
    } as never);
    await agent.close();
    expect(response.errors).toEqual([
      { message: 'Subgraph "slow" did not answer within 200 ms', extensions: { code: 'SUBGRAPH_TIMEOUT', subgraph: 'slow', limitMs: 200 } },
    ]);
    expect(JSON.stringify(response)).not.toContain('127.0.0.1');
  });
});
