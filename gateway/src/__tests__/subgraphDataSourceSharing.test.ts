import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairPem, GATEWAY_SIGNATURE_HEADER, importPrivateKey, importPublicKey, verifyGatewayRequest, type Viewer } from '@nlf/contract';
import type { KeyLike } from 'jose';
import { createShareableSubgraphQuery, SharedSubgraphCalls } from '../sharing/sharedSubgraphCalls';
import { createSubgraphAgent, SubgraphDataSource } from '../subgraphDataSource';

/** A subgraph that verifies each call's signature and holds its answer until the test lets it go. */
let server: Server;
let url: string;
let signingKey: KeyLike;
let received: { viewer: Viewer; release: () => void }[] = [];
let arrived: (() => void) | undefined;

beforeAll(async () => {
  const pair = await generateKeyPairPem();
  signingKey = await importPrivateKey(pair.privateKey);
  const publicKey = await importPublicKey(pair.publicKey);
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      void verifyGatewayRequest(publicKey, 'lederne', { method: 'POST', path: request.url!, body }, request.headers[GATEWAY_SIGNATURE_HEADER] as string).then(
        (viewer) => {
          received.push({
            viewer,
            release: () => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { seenBy: viewer.role, call: received.length } })),
          });
          arrived?.();
        },
        () => response.writeHead(401).end(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  received = [];
});

const arrivedCount = (count: number) =>
  new Promise<void>((resolve) => {
    const check = () => (received.length >= count ? resolve() : (arrived = check));
    check();
  });
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

const staff = (organisationId: string, subject: string): Viewer => ({ subject, role: 'union-staff', organisationId });
const PERSONAL = new Set(['leaderMembers']);

function sourceWithSharing() {
  const agent = createSubgraphAgent();
  const inFlight = new SharedSubgraphCalls();
  const source = new SubgraphDataSource({
    name: 'lederne',
    url,
    agent,
    signingKey,
    inFlight,
    isShareable: createShareableSubgraphQuery(() => PERSONAL),
    onUnavailable: () => undefined,
  });
  const call = (query: string, viewer: Viewer) =>
    source.process({
      kind: 'INCOMING_OPERATION',
      request: { query, http: { method: 'POST', url, headers: new Map() as never } },
      context: { viewer },
      incomingRequestContext: {} as never,
    } as never);
  return { agent, inFlight, call };
}

describe('SubgraphDataSource with SharedSubgraphCalls', () => {
  it('sends an identical query from two callers of the same role and organisation once', async () => {
    const { agent, inFlight, call } = sourceWithSharing();
    const first = call('{ organisations { id } }', staff('lederne', 'anna'));
    await arrivedCount(1);
    const second = call('{ organisations { id } }', staff('lederne', 'bjorn'));
    await settle();
    received[0]!.release();
    const answers = await Promise.all([first, second]);
    await agent.close();
    expect(received).toHaveLength(1);
    expect(answers.map((answer) => answer.data)).toEqual([{ seenBy: 'union-staff', call: 1 }, { seenBy: 'union-staff', call: 1 }]);
    expect(inFlight.stats()).toEqual({ sent: 1, joined: 1 });
  });

  it('sends the same query separately for another organisation or role, each signed for its own caller', async () => {
    const { agent, inFlight, call } = sourceWithSharing();
    const first = call('{ organisations { id } }', staff('lederne', 'anna'));
    const second = call('{ organisations { id } }', staff('fagforbundet', 'carl'));
    const third = call('{ organisations { id } }', { subject: 'sara', role: 'secretariat', organisationId: null });
    await arrivedCount(3);
    received.forEach((one) => one.release());
    const answers = await Promise.all([first, second, third]);
    await agent.close();
    expect(received.map((one) => `${one.viewer.role}:${one.viewer.organisationId}`).sort()).toEqual([
      'secretariat:null', 'union-staff:fagforbundet', 'union-staff:lederne',
    ]);
    expect(answers[2]!.data).toMatchObject({ seenBy: 'secretariat' });
    expect(inFlight.stats()).toEqual({ sent: 3, joined: 0 });
  });

  it.each([
    ['a read of personal data, which must reach the audit log under each caller', '{ organisation(id: "lederne") { leaderMembers { totalCount } } }'],
    ['a mutation', 'mutation { recordDecision(input: {}) { id } }'],
  ])('never shares %s', async (_what, query) => {
    const { agent, inFlight, call } = sourceWithSharing();
    const first = call(query, staff('lederne', 'anna'));
    const second = call(query, staff('lederne', 'bjorn'));
    await arrivedCount(2);
    received.forEach((one) => one.release());
    await Promise.all([first, second]);
    await agent.close();
    expect(received.map((one) => one.viewer.subject).sort()).toEqual(['anna', 'bjorn']);
    expect(inFlight.stats().joined).toBe(0);
  });
});
