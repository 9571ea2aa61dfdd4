import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { hostileRequests, type HostileRequest } from './hostile';
import { isProcessAlive } from '@nlf/stack';
import { rssMb } from './processes';
import { requestBody, SCENARIOS } from './scenarios';
import { BENCH_DIR, startBenchStack, type System } from './stack';
import { readBenchRunnerSettings } from './benchSettings';

// autocannon ships no types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: object) => Promise<{ requests: { total: number }; errors: number; timeouts: number }>;

/**
 * npm run bench:hostile: our gateway as it ships (response cache on) under the bench's normal traffic
 * at 32 connections, clean and with one request in ten one of the hostile requests of issue 12
 * (rotating through all of them), the two alternating a minute at a time. No process may die; the normal traffic must keep
 * at least 0.8× its clean throughput, and the gateway's RSS stay within 1.5× the clean run's.
 */
const MINUTES = readBenchRunnerSettings().soakMinutes;
const CONNECTIONS = 32;
const log = (line: string) => process.stderr.write(`[hostile] ${line}\n`);

const normalBodies = SCENARIOS.filter((s) => !s.personal && !s.persisted).map((s) => requestBody(s, false));

interface Tally {
  normal2xx: number;
  normalOther: number;
  hostileByStatus: Record<string, Record<number, number>>;
}

/** Nine normal requests, then one hostile, the hostile one rotating: the list autocannon cycles through. */
function rotation(hostile: HostileRequest[], tally: Tally): object[] {
  const requests: object[] = [];
  hostile.forEach((request, index) => {
    for (let i = 0; i < 9; i += 1) {
      requests.push({
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json' },
        body: normalBodies[(index * 9 + i) % normalBodies.length],
        onResponse: (status: number) => {
          if (status === 200) tally.normal2xx += 1;
          else tally.normalOther += 1;
        },
      });
    }
    requests.push({
      method: request.method ?? 'POST',
      path: request.path ?? '/graphql',
      headers: request.headers ?? {},
      ...(request.body === undefined ? {} : { body: request.body }),
      onResponse: (status: number) => {
        const byStatus = (tally.hostileByStatus[request.name] ??= {});
        byStatus[status] = (byStatus[status] ?? 0) + 1;
      },
    });
  });
  return requests;
}

function cleanRotation(tally: Tally): object[] {
  return normalBodies.map((body) => ({
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json' },
    body,
    onResponse: (status: number) => {
      if (status === 200) tally.normal2xx += 1;
      else tally.normalOther += 1;
    },
  }));
}

interface Run {
  seconds: number;
  rss: number[];
  errors: number;
  tally: Tally;
}

/** One slice of `seconds` at CONNECTIONS connections, its counts added to `run`. */
async function slice(system: System, requests: object[], seconds: number, run: Run): Promise<void> {
  const timer = setInterval(() => run.rss.push(rssMb(system.pid)), 5000);
  const base = new URL(system.url);
  const result = await autocannon({
    url: `${base.protocol}//${base.host}`,
    connections: CONNECTIONS,
    duration: seconds,
    pipelining: 1,
    requests,
  });
  clearInterval(timer);
  run.rss.push(rssMb(system.pid));
  run.seconds += seconds;
  run.errors += result.errors + result.timeouts;
}

function emptyRun(): Run {
  return { seconds: 0, rss: [], errors: 0, tally: { normal2xx: 0, normalOther: 0, hostileByStatus: {} } };
}

const perSecond = (run: Run) => run.tally.normal2xx / run.seconds;
const maxRss = (run: Run) => Math.max(...run.rss);

async function main(): Promise<void> {
  const stack = await startBenchStack(log, ['nlf-cache']);
  try {
    const system = stack.systems[0]!;
    const hostile = await hostileRequests(stack.issuerPrivateKey);
    const pids = () => [system.pid, ...Object.values(stack.federation.subgraphs).map((s) => s.child.pid)];
    const before = pids();
    // Clean and hostile alternate a minute at a time, so that whatever else the machine does weighs
    // on both alike; each gets MINUTES in all.
    const clean = emptyRun();
    const attacked = emptyRun();
    const cleanRequests = cleanRotation(clean.tally);
    const hostileRequestList = rotation(hostile, attacked.tally);
    for (let round = 1; round <= MINUTES; round += 1) {
      await slice(system, cleanRequests, 60, clean);
      log(`round ${round} of ${MINUTES}, clean: ${(clean.tally.normal2xx / clean.seconds).toFixed(0)} normal req/s so far`);
      await slice(system, hostileRequestList, 60, attacked);
      log(`round ${round} of ${MINUTES}, hostile (one request in ten one of ${hostile.length}): ${(attacked.tally.normal2xx / attacked.seconds).toFixed(0)} normal req/s so far, RSS max ${maxRss(attacked)} MB`);
    }
    const stillRunning = await Promise.all(before.map((pid) => isProcessAlive(pid)));
    const alive = stillRunning.every(Boolean) && pids().every((pid, i) => pid === before[i]);

    const throughput = perSecond(attacked) / perSecond(clean);
    const memory = maxRss(attacked) / maxRss(clean);
    const verdict = (ok: boolean) => (ok ? 'held' : '**not held**');
    const lines = [
      '# Hostile soak',
      '',
      `Written by \`npm run bench:hostile\`: our gateway as it ships (response cache on), ${MINUTES} min at ${CONNECTIONS} connections of the bench's normal traffic ` +
        `(${normalBodies.length} scenarios without personal data) clean, and ${MINUTES} min with one request in ten hostile, rotating through the ${hostile.length} requests ` +
        `(the two alternating a minute at a time) ` +
        `of issue 12 (bench/src/hostile.ts). Load average at the end ${loadavg().map((l) => l.toFixed(2)).join(' ')}.`,
      '',
      '| target | clean | hostile | ratio | held? |',
      '|---|---|---|---|---|',
      `| no process dies (gateway and every subgraph keep their PID) | | | | ${verdict(alive)} |`,
      `| normal traffic ≥ 0.8× clean throughput | ${perSecond(clean).toFixed(0)} req/s | ${perSecond(attacked).toFixed(0)} req/s | ${throughput.toFixed(2)}× | ${verdict(throughput >= 0.8)} |`,
      `| gateway RSS ≤ 1.5× clean | ${maxRss(clean)} MB | ${maxRss(attacked)} MB | ${memory.toFixed(2)}× | ${verdict(memory <= 1.5)} |`,
      `| normal requests that failed | ${clean.tally.normalOther} | ${attacked.tally.normalOther} | | ${verdict(attacked.tally.normalOther === 0 && clean.tally.normalOther === 0)} |`,
      '',
      '## How each hostile request was answered (HTTP status: count)',
      '',
      '| request | answers |',
      '|---|---|',
      ...hostile.map((request) => {
        const byStatus = attacked.tally.hostileByStatus[request.name] ?? {};
        return `| ${request.name} | ${Object.entries(byStatus).map(([status, count]) => `${status}: ${count}`).join(', ') || 'none'} |`;
      }),
      '',
      `RSS samples, clean (MB, every 5 s): ${clean.rss.join(' ')}`,
      '',
      `RSS samples, hostile (MB, every 5 s): ${attacked.rss.join(' ')}`,
      '',
    ];
    writeFileSync(join(BENCH_DIR, 'HOSTILE.md'), lines.join('\n'));
    log('wrote bench/HOSTILE.md');
    if (!alive) process.exitCode = 1;
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
