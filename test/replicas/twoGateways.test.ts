import { request as httpRequest } from 'node:http';
import { issueToken } from '@nlf/stack';
import { createIsolatedDatabase, type IsolatedDatabase } from '../cache/isolatedDatabase';
import { startTestFederation, type TestFederation } from '../harness/federation';
import { startHeldLink, type HeldLink } from '../harness/heldLink';
import { startTestRedis, type TestRedis } from '../harness/redis';
import { startGatewayReplica, type GatewayReplica } from '../harness/replica';

// Two gateway replicas (A: the federation's own, B: one more) against the same subgraphs and one
// Redis server of this file's own. A low limit for the test: 30 requests at once, then one a minute,
// so every request below is one the shared bucket decides (the refill during the test is < 0.1).
const BURST = 30;
/** A change through one replica is seen through the other once the subgraph's announcement arrives (README, "Deploy"). */
const FRESHNESS_BOUND_MS = 1000;

let redis: TestRedis;
let cooperation: IsolatedDatabase;
let federation: TestFederation;
let b: GatewayReplica;
/** B reaches lederne through this link, which can hold B's calls to it: B's requests are then in flight. */
let toLederne: HeldLink;
/** Output lines of gateway A. */
const linesOfA: string[] = [];

beforeAll(async () => {
  redis = await startTestRedis();
  // The cooperation subgraph on a database of this file's own: the work group made here is seen by no other file.
  cooperation = await createIsolatedDatabase('cooperation', {});
  const env = { NLF_REDIS_URL: redis.url, NLF_RATE_LIMIT_PER_MINUTE: '1', NLF_RATE_LIMIT_BURST: String(BURST) };
  federation = await startTestFederation({
    databaseUrls: { cooperation: cooperation.url },
    env,
    log: (line) => {
      if (line.includes('"service":"gateway"')) linesOfA.push(line);
    },
  });
  toLederne = await startHeldLink(federation.running.subgraphs.lederne!.port);
  b = await startGatewayReplica(federation.running, { env, subgraphUrls: { lederne: `http://127.0.0.1:${toLederne.port}/graphql` } });
}, 180_000);
afterAll(async () => {
  await b?.stop();
  await federation?.stop();
  await toLederne?.close();
  await cooperation?.drop();
  await redis?.stop();
});

let subjects = 0;
/** A bearer token of the secretariat with a subject of its own, so it has a rate bucket of its own. */
const tokenOf = (subject = `replica-caller-${(subjects += 1)}`) =>
  issueToken(federation.keys.issuer.privateKey, { role: 'secretariat', subject });

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

/**
 * One POST on a connection of its own (Connection: close), as nginx sends each request to an upstream
 * by default; rejects with the socket's error (ECONNREFUSED when nobody listens).
 */
function post(url: string, query: string, token: string, variables?: Record<string, unknown>): Promise<Answer> {
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const sent = httpRequest(url, {
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` },
    }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
      response.on('error', reject);
    });
    sent.on('error', reject);
    sent.end(body);
  });
}

const ORGANISATION = '{ organisation(id: "sl") { name } }';

/** `count` requests of one caller, alternating between the replicas; the statuses, by replica. */
async function alternate(count: number, token: string) {
  const answers: { replica: 'A' | 'B'; answer: Answer }[] = [];
  for (let i = 0; i < count; i += 1) {
    const replica = i % 2 === 0 ? 'A' : 'B';
    answers.push({ replica, answer: await post(replica === 'A' ? federation.url : b.url, ORGANISATION, token) });
  }
  const allowed = answers.filter(({ answer }) => answer.status === 200);
  return { answers, allowed: allowed.length, allowedBy: (replica: 'A' | 'B') => allowed.filter((a) => a.replica === replica).length };
}

/** Resolves when `lines` holds `count` lines containing `text`, or fails after `timeoutMs`. */
async function linesWith(lines: () => string[], text: string, count: number, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (lines().filter((line) => line.includes(text)).length < count) {
    if (Date.now() > deadline) throw new Error(`fewer than ${count} lines with "${text}":\n${lines().join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
const SHARED = 'rate limits shared through Redis';
const ON_ITS_OWN = 'rate limits kept in this process until Redis answers again';

describe('two gateway replicas sharing one Redis', () => {
  it("hold a caller to one limit across both: requests alternated between them are allowed the burst once, not twice", async () => {
    const { answers, allowed, allowedBy } = await alternate(2 * BURST, await tokenOf());
    expect(allowed).toBe(BURST);
    // Both took from the one bucket, and once it was empty both refused.
    expect(allowedBy('A')).toBe(BURST / 2);
    expect(allowedBy('B')).toBe(BURST / 2);
    expect(answers.slice(0, BURST).every(({ answer }) => answer.status === 200 && answer.body.data.organisation.name === 'SL')).toBe(true);
    for (const { answer } of answers.slice(BURST)) {
      expect(answer.status).toBe(429);
      expect(answer.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limitPerMinute: 1 });
      const retryAfter = Number(answer.headers['retry-after']);
      expect(retryAfter).toBe(answer.body.errors[0].extensions.retryAfterSeconds);
      // The bucket refills one a minute; what refilled while the test ran is already counted.
      expect(retryAfter).toBeGreaterThanOrEqual(50);
      expect(retryAfter).toBeLessThanOrEqual(60);
    }
    // Another caller is not held back by it.
    expect((await post(b.url, ORGANISATION, await tokenOf())).status).toBe(200);
  });

  it('while Redis is down, each replica limits a caller on its own and says so; once it is back, the limit is shared again', async () => {
    await redis.stop();
    const during = await alternate(2 * BURST + 10, await tokenOf());
    // Never unlimited: each replica's own bucket, so twice the burst across two replicas, and no more.
    expect(during.allowedBy('A')).toBe(BURST);
    expect(during.allowedBy('B')).toBe(BURST);
    expect(during.answers.filter(({ answer }) => answer.status !== 200).every(({ answer }) => answer.status === 429)).toBe(true);
    await linesWith(() => linesOfA, ON_ITS_OWN, 1);
    await linesWith(() => b.process.lines, ON_ITS_OWN, 1);

    await redis.start();
    await linesWith(() => linesOfA, SHARED, 2);
    await linesWith(() => b.process.lines, SHARED, 2);
    const after = await alternate(2 * BURST, await tokenOf());
    expect(after.allowed).toBe(BURST);
  });

  it(`show a mutation made through one replica through the other, response cache on, within ${FRESHNESS_BOUND_MS} ms`, async () => {
    const WORK_GROUPS = '{ workGroups { id name } }';
    const readB = async () => {
      const answer = await post(b.url, WORK_GROUPS, await tokenOf());
      expect(answer.status).toBe(200);
      return { ids: (answer.body.data.workGroups as { id: string }[]).map((group) => group.id), cache: answer.headers['x-nlf-cache'] };
    };
    // B answers the list from its cache before the change.
    let before = await readB();
    for (let attempt = 0; before.cache !== 'hit' && attempt < 100; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      before = await readB();
    }
    expect(before.cache).toBe('hit');

    const created = await post(federation.url, 'mutation($input: CreateWorkGroupInput!) { createWorkGroup(input: $input) { id name } }', await tokenOf(), {
      input: { name: 'Replicas seen alike', secretariatId: 'oao', participantIds: ['ledarna'] },
    });
    expect(created.body.errors).toBeUndefined();
    const id: string = created.body.data.createWorkGroup.id;
    expect(before.ids).not.toContain(id);
    const committed = Date.now();

    let seen = await readB();
    while (!seen.ids.includes(id) && Date.now() - committed < FRESHNESS_BOUND_MS + 5000) seen = await readB();
    const delayMs = Date.now() - committed;
    expect(seen.ids).toContain(id);
    expect(seen.ids).toHaveLength(before.ids.length + 1);
    expect(delayMs).toBeLessThanOrEqual(FRESHNESS_BOUND_MS);
  });

  it('lose no request when one is stopped with SIGTERM mid-load: those in flight are answered, new connections go to the other', async () => {
    // The client balances as nginx does: round robin, one connection per request, and a request whose
    // connection is refused goes to the next replica (a refused connection carried nothing, so even a
    // POST may go elsewhere). Any other failure is a lost request.
    const replicas = [{ name: 'A', url: federation.url }, { name: 'B', url: b.url }] as const;
    type Outcome = { n: number; answeredBy: 'A' | 'B'; status: number; name?: string; refusedBy: string[] };
    const outcomes: Outcome[] = [];
    const lost: { n: number; error: string }[] = [];
    const inFlightAtB = new Set<number>();
    let turn = 0;
    let sent = 0;
    let stopping = false;

    const one = async (n: number) => {
      // A query of its own (its alias), so no cache answers it and B's call to lederne is made.
      const query = `{ o${n}: organisation(id: "lederne") { name } }`;
      const token = await tokenOf();
      const refusedBy: string[] = [];
      let index = (turn += 1) % 2;
      for (let tries = 0; tries < 2; tries += 1, index = (index + 1) % 2) {
        const replica = replicas[index]!;
        if (replica.name === 'B') inFlightAtB.add(n);
        try {
          const answer = await post(replica.url, query, token);
          outcomes.push({ n, answeredBy: replica.name, status: answer.status, name: answer.body.data?.[`o${n}`]?.name, refusedBy });
          return;
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code !== 'ECONNREFUSED') return void lost.push({ n, error: `${replica.name}: ${code ?? String(error)}` });
          refusedBy.push(replica.name);
        } finally {
          inFlightAtB.delete(n);
        }
      }
      lost.push({ n, error: `refused by ${refusedBy.join(' and ')}` });
    };
    const worker = async () => {
      while (!stopping && sent < 2000) await one((sent += 1));
    };
    const answeredAfter = async (count: number, accept: (outcome: Outcome) => boolean = () => true) => {
      const start = outcomes.length;
      const deadline = Date.now() + 30_000;
      while (outcomes.slice(start).filter(accept).length < count) {
        if (Date.now() > deadline || lost.length) throw new Error(`load stalled: ${JSON.stringify(lost)}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };

    const workers = Array.from({ length: 6 }, worker);
    await answeredAfter(20, (outcome) => outcome.answeredBy === 'B');
    // Hold B's calls to lederne: the requests B takes now stay in flight until the link lets them go.
    toLederne.hold();
    await toLederne.inFlight();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const heldAtB = [...inFlightAtB];
    expect(heldAtB.length).toBeGreaterThanOrEqual(1);

    b.process.child.kill('SIGTERM');
    await b.process.waitForLine('finishing requests in flight');
    toLederne.release();
    // The load goes on on A alone: B's port refuses, and the client sends those requests to A.
    await answeredAfter(30, (outcome) => outcome.refusedBy.includes('B'));
    stopping = true;
    await Promise.all(workers);

    expect(lost).toEqual([]);
    expect(outcomes.every((outcome) => outcome.status === 200 && outcome.name === 'Lederne')).toBe(true);
    // Every request B held when SIGTERM arrived was answered, by B.
    for (const n of heldAtB) expect(outcomes.find((outcome) => outcome.n === n)).toMatchObject({ answeredBy: 'B', status: 200, name: 'Lederne' });
    const refusedByB = outcomes.filter((outcome) => outcome.refusedBy.includes('B'));
    expect(refusedByB.length).toBeGreaterThanOrEqual(30);
    expect(refusedByB.every((outcome) => outcome.answeredBy === 'A')).toBe(true);
    // Exited as told, once: not "second stop request" (exit 1), which Apollo Server's own signal handler caused.
    expect(await b.process.exited).toBe(0);
    expect(b.process.lines.filter((line) => line.includes('second stop request'))).toEqual([]);
  });
});
