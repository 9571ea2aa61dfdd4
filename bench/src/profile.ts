import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { load } from './measure';
import { requestBody, SCENARIOS } from './scenarios';
import { BENCH_DIR, startBenchStack } from './stack';
import { readBenchRunnerSettings } from './benchSettings';

/**
 * npm run bench:profile: V8 CPU profiles of stock @apollo/gateway and of this gateway (cache and
 * in-flight sharing off, so both do the same work per request) under the cross-union query at 32
 * connections, one after the other, with each process's self time summed by where it goes
 * (bench/PROFILE.md).
 */
const settings = readBenchRunnerSettings();
const SECONDS = settings.profileSeconds;
const PROFILE_DIR = join(BENCH_DIR, '.data', 'profiles');
// Other systems (BENCH_PROFILE_SYSTEMS=nlf-cache) are written to bench/.data/PROFILE.md, for reading.
const SYSTEMS = settings.profileSystems ?? ['nlf-unshared', 'apollo-stock'];
const OUTPUT = settings.profileSystems ? join(BENCH_DIR, '.data', 'PROFILE.md') : join(BENCH_DIR, 'PROFILE.md');
const log = (line: string) => process.stderr.write(`[profile] ${line}\n`);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a function's self time goes, by the package or part of Node it belongs to. */
const CATEGORIES: [string, (frame: ProfileNode['callFrame']) => boolean][] = [
  ['idle', (f) => f.functionName === '(idle)'],
  ['garbage collection', (f) => f.functionName === '(garbage collector)'],
  ['V8 and native code outside JS ((program))', (f) => f.functionName === '(program)'],
  ['result shaping (@apollo/gateway resultShaping)', (f) => /@apollo\/gateway\/dist\/resultShaping/.test(f.url)],
  ['plan execution and merging (@apollo/gateway executeQueryPlan)', (f) => /@apollo\/gateway\/dist\/executeQueryPlan/.test(f.url)],
  ['other @apollo/gateway', (f) => /@apollo\/gateway\//.test(f.url)],
  ['query planning (@apollo/query-planner, federation-internals)', (f) => /@apollo\/(query-planner|federation-internals)/.test(f.url)],
  ['default HTTP client (make-fetch-happen, minipass, agent-base, node-fetch)', (f) => /make-fetch-happen|minipass|agent-base|node-fetch|@npmcli|cacache|http-cache-semantics|ssri/.test(f.url)],
  ['undici HTTP client', (f) => /undici/.test(f.url)],
  ['Node HTTP, sockets and streams', (f) => /^node:(_http|http|net|stream|internal\/(streams|stream_base|http|net|timers|process\/task_queues))/.test(f.url) || f.functionName === 'writev' || f.functionName === 'writeUtf8String'],
  ['graphql-js (parse, validate, execute)', (f) => /\/graphql\//.test(f.url)],
  ['Apollo Server request pipeline', (f) => /@apollo\/server\//.test(f.url) || /@as-integrations/.test(f.url)],
  ['Fastify', (f) => /fastify|find-my-way|avvio|light-my-request/.test(f.url)],
  ['tokens and request signatures (jose, crypto)', (f) => /jose|node:crypto|node:internal\/crypto/.test(f.url) || /signing|gatewaySignature/.test(f.url)],
  ['logging (pino)', (f) => /pino/.test(f.url)],
  ['JSON parse and stringify', (f) => f.url === '' && /^(parse|stringify|JSONParse|JSONStringify)$/.test(f.functionName)],
  ['this project (gateway, schema kit)', (f) => /\/(gateway|schema)\/dist\//.test(f.url)],
];

function selfTimes(profile: CpuProfile): Map<ProfileNode, number> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const times = new Map<ProfileNode, number>();
  profile.samples.forEach((id, index) => {
    const node = byId.get(id)!;
    times.set(node, (times.get(node) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  return times;
}

function summarise(name: string, file: string): string[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const times = selfTimes(profile);
  const categories = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  for (const [node, micros] of times) {
    const frame = node.callFrame;
    const category = CATEGORIES.find(([, test]) => test(frame))?.[0] ?? 'other JavaScript';
    categories.set(category, (categories.get(category) ?? 0) + micros);
    if (category === 'idle') continue;
    busy += micros;
    const where = frame.url ? `${frame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(gateway|schema|bench)\//, '$1/')}:${frame.lineNumber + 1}` : '(native)';
    const key = `\`${frame.functionName || '(anonymous)'}\` ${where}`;
    functions.set(key, (functions.get(key) ?? 0) + micros);
  }
  const share = (micros: number) => `${((100 * micros) / busy).toFixed(1)}%`;
  const rows = [...categories].filter(([category]) => category !== 'idle').sort((a, b) => b[1] - a[1]);
  const top = [...functions].sort((a, b) => b[1] - a[1]).slice(0, 15);
  return [
    `## ${name}`,
    '',
    `${(busy / 1e6).toFixed(1)} s of CPU while busy (idle left out).`,
    '',
    '| where the time goes (self time) | share |',
    '|---|---|',
    ...rows.map(([category, micros]) => `| ${category} | ${share(micros)} |`),
    '',
    '| hottest functions (self time) | share |',
    '|---|---|',
    ...top.map(([key, micros]) => `| ${key} | ${share(micros)} |`),
    '',
  ];
}

async function main(): Promise<void> {
  rmSync(PROFILE_DIR, { recursive: true, force: true });
  mkdirSync(PROFILE_DIR, { recursive: true });
  // The gateways this script starts write their profiles when they exit. Ours runs with in-flight
  // sharing off, so that both gateways do the same work for every request.
  const stack = await startBenchStack(log, SYSTEMS, ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`]);
  const scenario = SCENARIOS.find((s) => s.name === 'cross-union')!;
  const pids = new Map<string, number>();
  const throughput = new Map<string, number>();
  try {
    for (const system of stack.systems.filter((s) => s.name !== 'nlf-live')) {
      const body = requestBody(scenario, false);
      await load(system.url, body, { 'content-type': 'application/json' }, 32, 3);
      log(`${system.name}: ${SECONDS} s at 32 connections`);
      const result = await load(system.url, body, { 'content-type': 'application/json' }, 32, SECONDS);
      pids.set(system.name, system.pid);
      throughput.set(system.name, result.requests.average);
    }
  } finally {
    await stack.stop();
  }
  const lines = [
    '# Where the gateways spend their CPU',
    '',
    `Written by \`npm run bench:profile\`: V8 CPU profiles (\`--cpu-prof\`) of each gateway process while it answered the cross-union query at 32 connections for ${SECONDS} s (ours with its response cache and in-flight sharing off, so that both do the same work per request), one gateway after the other on the same stack; load average at the end ${loadavg().map((l) => l.toFixed(2)).join(' ')}. Shares are of the process's busy time.`,
    '',
  ];
  for (const [name, pid] of pids) {
    const file = readdirSync(PROFILE_DIR).find((f) => f.includes(`.${pid}.`) && f.endsWith('.cpuprofile'));
    if (!file) {
      lines.push(`## ${name}`, '', `No profile was written (pid ${pid}).`, '');
      continue;
    }
    lines.push(...summarise(`${name}: ${Math.round(throughput.get(name) ?? 0)} req/s while profiled`, join(PROFILE_DIR, file)));
  }
  writeFileSync(OUTPUT, lines.join('\n'));
  log(`wrote ${OUTPUT}`);
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
