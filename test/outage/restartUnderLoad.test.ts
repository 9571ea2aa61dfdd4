import { eventually } from '../harness/eventually';
import { startTestFederation, type TestFederation } from '../harness/federation';

type Phase = 'before' | 'stopping' | 'down' | 'starting' | 'after';
interface Outcome {
  phase: Phase;
  kind: 'complete' | 'lederne unavailable' | 'other';
  detail?: string;
}

const QUERY = '{ organisations(country: NO) { id name } }';
const NORWAY = ['lederne', 'utdanningsforbundet', 'fagforbundet', 'lo-norway'];
const CONCURRENCY = 4;
const MAX_REQUESTS = 5000;

let federation: TestFederation;
beforeAll(async () => {
  // The load is one anonymous identity, far above the per-identity rate limit: measured without it.
  federation = await startTestFederation({ env: { NLF_RATE_LIMIT_PER_MINUTE: '0' } });
});
afterAll(async () => {
  await federation?.stop();
});

function classify(status: number, body: any): Outcome['kind'] {
  const ids = body?.data?.organisations?.map((org: { id: string } | null) => org?.id ?? null);
  if (status === 200 && !body.errors && JSON.stringify(ids) === JSON.stringify(NORWAY)) return 'complete';
  const onlyLederneMissing = JSON.stringify(ids) === JSON.stringify([null, ...NORWAY.slice(1)]);
  const codes = (body?.errors ?? []).map((error: any) => `${error.extensions?.code}:${error.extensions?.subgraph}`);
  if (status === 200 && onlyLederneMissing && codes.length === 1 && codes[0] === 'SUBGRAPH_UNAVAILABLE:lederne') return 'lederne unavailable';
  return 'other';
}

describe('one subgraph restarted under load', () => {
  it('degrades to SUBGRAPH_UNAVAILABLE for that union only, and the same gateway process recovers', async () => {
    const gatewayPid = federation.running.gateway.pid;
    const outcomes: Outcome[] = [];
    let phase: Phase = 'before';
    let sent = 0;
    const completedAfter = (count: number) =>
      new Promise<void>((resolve, reject) => {
        const target = outcomes.length + count;
        const check = setInterval(() => {
          if (outcomes.length < target && sent < MAX_REQUESTS) return;
          clearInterval(check);
          if (outcomes.length >= target) resolve();
          else reject(new Error(`load ended after ${sent} requests`));
        }, 20);
      });

    // A bounded loop of requests on loopback, CONCURRENCY at a time, until the scenario is over.
    const worker = async () => {
      while (phase !== 'after' || outcomes.filter((o) => o.phase === 'after').length < 100) {
        if (sent >= MAX_REQUESTS) return;
        sent += 1;
        const at = phase;
        const response = await fetch(federation.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: QUERY }),
        });
        const text = await response.text();
        const body = (() => {
          try {
            return JSON.parse(text);
          } catch {
            return undefined;
          }
        })();
        const kind = classify(response.status, body);
        outcomes.push({ phase: at, kind, ...(kind === 'other' ? { detail: `${response.status} ${text.slice(0, 300)}` } : {}) });
      }
    };
    const load = Promise.all(Array.from({ length: CONCURRENCY }, worker));

    await completedAfter(50);
    phase = 'stopping';
    await federation.running.stopSubgraph('lederne');
    phase = 'down';
    await completedAfter(50);
    phase = 'starting';
    await federation.running.startSubgraph('lederne');
    phase = 'after';
    await load;

    const count = (p: Phase, kind: Outcome['kind']) => outcomes.filter((o) => o.phase === p && o.kind === kind).length;
    expect(outcomes.filter((o) => o.kind === 'other')).toEqual([]);
    expect(count('before', 'complete')).toBeGreaterThanOrEqual(50 - CONCURRENCY);
    expect(count('down', 'complete')).toBe(0);
    expect(count('down', 'lederne unavailable')).toBeGreaterThanOrEqual(50);
    expect(count('after', 'lederne unavailable')).toBe(0);
    expect(count('after', 'complete')).toBeGreaterThanOrEqual(100);
    // The same gateway process, never restarted, and it says it is ready again.
    expect(federation.running.gateway.pid).toBe(gatewayPid);
    expect(federation.running.gateway.process.exitCode).toBeNull();
    expect((await eventually(() => federation.get('/ready'), (answer) => answer.status === 200)).status).toBe(200);
  });
});
