import { connect } from 'node:net';
import { ANONYMOUS, gatewaySignatureHeaders, importPrivateKey } from '@nlf/contract';
import { findFreePort } from '@nlf/stack';
import { startHeldLink, type HeldLink } from '../harness/heldLink';
import { startProcess, type TestProcess } from '../harness/process';
import { harnessKeysEnvironment, harnessState } from '../harness/state';

const postgresUrl = new URL(harnessState().databaseUrls.lederne!);
const links: HeldLink[] = [];
const processes: TestProcess[] = [];
afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop()));
  await Promise.all(links.map((link) => link.close()));
});

async function link(port: number): Promise<HeldLink> {
  const created = await startHeldLink(port);
  links.push(created);
  return created;
}

/** The lederne subgraph as a process, its database reached through `databasePort`. */
async function startLederne(databasePort: number): Promise<{ process: TestProcess; port: number }> {
  const port = await findFreePort();
  const url = new URL(postgresUrl);
  url.port = String(databasePort);
  // NODE_ENV as the image ships it (jest's "test" would hide Apollo Server's own signal handling).
  const started = startProcess(['services/lederne/dist/index.js', 'serve'], { NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), DATABASE_URL: url.toString() });
  processes.push(started);
  await started.waitForHttp(`http://127.0.0.1:${port}/ready`);
  return { process: started, port };
}

/** Posts a query straight to a subgraph, signed as the gateway signs (subgraphs answer nothing else). */
async function post(url: string, query: string, variables?: object) {
  const body = JSON.stringify({ query, variables });
  const key = await importPrivateKey(harnessKeysEnvironment().NLF_GATEWAY_SIGNING_KEY!);
  const signature = await gatewaySignatureHeaders(key, 'lederne', url, body, ANONYMOUS);
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...signature }, body });
}

describe('graceful shutdown', () => {
  it('a subgraph told to stop while a query waits on its database answers it, then exits 0', async () => {
    const database = await link(Number(postgresUrl.port));
    const lederne = await startLederne(database.port);
    database.hold();
    const answer = post(`http://127.0.0.1:${lederne.port}/graphql`, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Lederne { name } } }', {
      r: [{ __typename: 'Lederne', id: 'lederne' }],
    });
    await database.inFlight();
    lederne.process.child.kill('SIGTERM');
    await lederne.process.waitForLine('finishing requests in flight');
    database.release();
    const response = await answer;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { _entities: [{ name: 'Lederne' }] } });
    expect(await lederne.process.exited).toBe(0);
  });

  it('the gateway told to stop while a subgraph call is on its way answers it, refuses new requests, exits 0', async () => {
    const lederne = await startLederne(Number(postgresUrl.port));
    const toLederne = await link(lederne.port);
    const port = await findFreePort();
    const gateway = startProcess(['gateway/dist/main.js'], {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      NLF_SUBGRAPH_URL_LEDERNE: `http://127.0.0.1:${toLederne.port}/graphql`,
    });
    processes.push(gateway);
    await gateway.waitForHttp(`http://127.0.0.1:${port}/health`);
    toLederne.hold();
    const answer = post(`http://127.0.0.1:${port}/graphql`, '{ organisation(id: "lederne") { name memberCount { low } } }');
    await toLederne.inFlight();
    gateway.child.kill('SIGTERM');
    await gateway.waitForLine('finishing requests in flight');
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
    toLederne.release();
    const response = await answer;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { organisation: { name: 'Lederne', memberCount: { low: 17500 } } } });
    expect(await gateway.exited).toBe(0);
  });

  it('the gateway told to stop answers a request that arrives on a connection opened before (no 503), then closes that connection', async () => {
    const lederne = await startLederne(Number(postgresUrl.port));
    const port = await findFreePort();
    const gateway = startProcess(['gateway/dist/main.js'], { NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), NLF_SUBGRAPH_URL_LEDERNE: `http://127.0.0.1:${lederne.port}/graphql` });
    processes.push(gateway);
    await gateway.waitForHttp(`http://127.0.0.1:${port}/health`);
    // A connection the gateway accepted before SIGTERM, whose request comes after it, as one from a load
    // balancer can: it was sent to this replica and cannot be sent elsewhere, so it must be answered.
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString('utf8')));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    gateway.child.kill('SIGTERM');
    await gateway.waitForLine('finishing requests in flight');
    const body = JSON.stringify({ query: '{ organisation(id: "lederne") { name } }' });
    socket.write(`POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    await closed;
    expect(received).toMatch(/^HTTP\/1\.1 200 /);
    expect(received.toLowerCase()).toContain('\r\nconnection: close\r\n');
    expect(received).toContain('{"data":{"organisation":{"name":"Lederne"}}}');
    expect(await gateway.exited).toBe(0);
  });
});
