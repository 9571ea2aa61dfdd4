import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { load } from './measure';
import { rssMb } from './processes';
import { requestBody, SCENARIOS } from './scenarios';
import { BENCH_DIR, startBenchStack } from './stack';
import { readBenchRunnerSettings } from './benchSettings';

/**
 * npm run bench:soak: five minutes of the cross-union query at 32 connections on each of our two
 * gateways (live, then cached), their RSS sampled every 5 s; the trend (least-squares slope over
 * the last four minutes, after warm-up) goes to bench/SOAK.md.
 */
const MINUTES = readBenchRunnerSettings().soakMinutes;
const log = (line: string) => process.stderr.write(`[soak] ${line}\n`);

function slopePerMinute(samples: { t: number; mb: number }[]): number {
  const n = samples.length;
  const mt = samples.reduce((s, p) => s + p.t, 0) / n;
  const mm = samples.reduce((s, p) => s + p.mb, 0) / n;
  const num = samples.reduce((s, p) => s + (p.t - mt) * (p.mb - mm), 0);
  const den = samples.reduce((s, p) => s + (p.t - mt) ** 2, 0);
  return den ? (num / den) * 60 : 0;
}

async function main(): Promise<void> {
  const stack = await startBenchStack(log, ['nlf-live', 'nlf-cache']);
  const lines = ['# Soak', '', `Written by \`npm run bench:soak\`: ${MINUTES} min of the cross-union query at 32 connections per gateway; load average at start ${loadavg().map((l) => l.toFixed(2)).join(' ')}.`, ''];
  try {
    const scenario = SCENARIOS.find((s) => s.name === 'cross-union')!;
    for (const system of stack.systems) {
      const samples: { t: number; mb: number }[] = [];
      const start = Date.now();
      const timer = setInterval(() => samples.push({ t: (Date.now() - start) / 1000, mb: rssMb(system.pid) }), 5000);
      const result = await load(system.url, requestBody(scenario, false), { 'content-type': 'application/json' }, 32, MINUTES * 60);
      clearInterval(timer);
      const settled = samples.filter((s) => s.t >= 60);
      const slope = slopePerMinute(settled.length > 2 ? settled : samples);
      const mbs = samples.map((s) => s.mb);
      // RSS of a busy Node process saws up and down with garbage collection; a leak shows as a rising
      // floor. The lowest sample of each minute, and the trend of those.
      const floors = Array.from({ length: MINUTES }, (_, minute) => {
        const inMinute = samples.filter((s) => s.t >= minute * 60 && s.t < (minute + 1) * 60);
        return inMinute.length ? { t: minute * 60 + 30, mb: Math.min(...inMinute.map((s) => s.mb)) } : undefined;
      }).filter((floor) => floor !== undefined);
      const floorSlope = slopePerMinute(floors.slice(1));
      log(`${system.name}: ${Math.round(result.requests.average)} req/s, RSS ${Math.min(...mbs)}–${Math.max(...mbs)} MB, trend ${slope.toFixed(2)} MB/min, floors ${floors.map((f) => f.mb).join(' ')}`);
      lines.push(
        `## ${system.name} (${system.label})`,
        '',
        `${Math.round(result.requests.average)} req/s, ${result.non2xx + result.errors} failed; RSS min ${Math.min(...mbs)} MB, max ${Math.max(...mbs)} MB, ` +
          `last ${mbs.at(-1)} MB; trend after the first minute ${slope.toFixed(2)} MB/min; lowest RSS of each minute ` +
          `${floors.map((f) => f.mb).join(', ')} MB, their trend after the first minute **${floorSlope.toFixed(2)} MB/min**.`,
        '',
        `RSS samples (MB, every 5 s): ${mbs.join(' ')}`,
        '',
      );
    }
    writeFileSync(join(BENCH_DIR, 'SOAK.md'), lines.join('\n'));
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
