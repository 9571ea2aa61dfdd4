import type { System } from './stack';
import { rssMb } from './processes';

// autocannon ships no types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: object) => Promise<AutocannonResult>;

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

export interface Measurement {
  system: string;
  rps: number;
  p50: number;
  p99: number;
  rssMb: number;
  sqlPerRequest: number | null;
  failures: number;
}

async function sqlStatements(system: System): Promise<number> {
  let total = 0;
  for (const url of system.metrics) {
    const text = await (await fetch(url)).text();
    const line = text.split('\n').find((l) => l.startsWith('nlf_sql_statements_total'));
    total += Number(line?.split(' ').at(-1) ?? 0);
  }
  return total;
}

export async function load(url: string, body: string, headers: Record<string, string>, connections: number, seconds: number): Promise<AutocannonResult> {
  return autocannon({
    url,
    method: 'POST',
    headers,
    body,
    connections,
    duration: seconds,
    pipelining: 1,
  });
}

/** One measured run: requests/s, latency, the system's RSS after it, SQL statements per request. */
export async function measure(
  system: System, url: string, body: string, headers: Record<string, string>, connections: number, seconds: number,
): Promise<Measurement> {
  const sqlBefore = system.metrics.length ? await sqlStatements(system) : 0;
  const result = await load(url, body, headers, connections, seconds);
  const sqlAfter = system.metrics.length ? await sqlStatements(system) : 0;
  return {
    system: system.name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    rssMb: rssMb(system.pid),
    sqlPerRequest: system.metrics.length && result.requests.total ? (sqlAfter - sqlBefore) / result.requests.total : null,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}
