import { writeFileSync } from 'node:fs';
import type { Measurement } from './measure';
import type { Scenario } from './scenarios';

export interface ScenarioResult {
  scenario: Scenario;
  connections: number;
  runs: Measurement[];
  bytes: number;
}

export interface Report {
  quick: boolean;
  settings: { connections: number[]; warmup: number; seconds: number; rounds: number };
  systems: { name: string; label: string }[];
  results: ScenarioResult[];
  machine: { cpus: number; model: string; loadBefore: number[]; loadAfter: number[] };
  minutes: number;
  /** Systems that failed a scenario's answer check (left out, or timed with a different answer), and why. */
  excluded: string[];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1));
const ratio = (a: number | undefined, b: number | undefined) => (a && b ? `${(a / b).toFixed(2)}×` : '–');

/** Per system: the median of its rounds, and every round's requests/s (the spread). */
function summary(result: ScenarioResult) {
  const bySystem = new Map<string, Measurement[]>();
  for (const run of result.runs) bySystem.set(run.system, [...(bySystem.get(run.system) ?? []), run]);
  return new Map(
    [...bySystem].map(([system, runs]) => [
      system,
      {
        rps: median(runs.map((r) => r.rps)),
        spread: runs.map((r) => fmt(r.rps)).join(' / '),
        p50: median(runs.map((r) => r.p50)),
        p99: median(runs.map((r) => r.p99)),
        rssMb: Math.max(...runs.map((r) => r.rssMb)),
        sql: runs[0]!.sqlPerRequest,
        failures: runs.reduce((sum, r) => sum + r.failures, 0),
      },
    ]),
  );
}

/** The table RESULTS.md opens with; the prose below it is kept in RESULTS.notes.md and appended. */
export function writeResults(path: string, report: Report, notes = ''): void {
  const lines: string[] = [];
  lines.push(`# Benchmark results${report.quick ? ' (quick mode)' : ''}`, '');
  lines.push(
    `Written by \`npm run bench${report.quick ? ':quick' : ''}\` in ${report.minutes.toFixed(1)} min on ${report.machine.cpus} × ${report.machine.model}; ` +
      `load average before ${report.machine.loadBefore.map((l) => l.toFixed(2)).join(' ')}, after ${report.machine.loadAfter.map((l) => l.toFixed(2)).join(' ')} ` +
      '(other engineers use the machine: compare ratios within a row group, not absolute numbers across runs).',
    '',
    `Load generator autocannon in the runner process; ${report.settings.warmup} s warm-up per system, then ${report.settings.rounds} round(s) of ` +
      `${report.settings.seconds} s per system, systems alternated (reversed order in round 2). Requests/s, p50 and p99 are medians of the rounds; ` +
      '"rounds" lists each round. RSS is the system process after the run; SQL/req counts the statements of every subgraph (or the monolith\'s databases) during the run.',
    '',
    'Systems: ' + report.systems.map((s) => `\`${s.name}\` ${s.label}`).join('; ') + '.',
    '',
  );
  if (report.excluded.length) lines.push('Answer checks that failed:', '', ...report.excluded.map((e) => `- ${e}`), '');
  for (const result of report.results) {
    const s = summary(result);
    const of = (name: string) => s.get(name)?.rps;
    lines.push(`## ${result.scenario.name}, ${result.connections} connection${result.connections > 1 ? 's' : ''}`, '');
    lines.push(`${result.scenario.description}; ${result.bytes.toLocaleString('en-US')} bytes of JSON${result.scenario.persisted ? '; sent as an APQ hash to the Apollo-based systems' : ''}.`, '');
    lines.push('| system | req/s | rounds | p50 ms | p99 ms | RSS MB | SQL/req | × monolith | × stock Apollo | × Hive | × bare |');
    lines.push('|---|---|---|---|---|---|---|---|---|---|---|');
    for (const [name, m] of s) {
      lines.push(
        `| ${name} | ${fmt(m.rps)} | ${m.spread} | ${m.p50} | ${m.p99} | ${m.rssMb} | ${m.sql === null ? '–' : m.sql.toFixed(2)} | ` +
          `${ratio(m.rps, of('monolith'))} | ${ratio(m.rps, of('apollo-stock'))} | ${ratio(m.rps, of('hive-rust'))} | ${ratio(m.rps, of('bare'))} |` +
          (m.failures ? ` ${m.failures} failed requests` : ''),
      );
    }
    lines.push('');
  }
  writeFileSync(path, lines.join('\n') + (notes ? `\n${notes}` : ''));
}
