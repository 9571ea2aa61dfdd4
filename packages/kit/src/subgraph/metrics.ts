import { Counter, Gauge, Registry } from 'prom-client';
import type { PublicSnapshotStats } from './publicSnapshot';

export interface SubgraphMetrics {
  /** The registry /metrics prints, in Prometheus' text format. */
  registry: Registry;
  /** Counts one GraphQL request received. */
  countRequest(): void;
}

/**
 * A subgraph's counters, in a registry of its own rather than prom-client's global one: tests and the
 * benchmark's monolith run several subgraphs in one process, and each must report only its own counts.
 */
export function createSubgraphMetrics(subgraph: string, sqlStatements: () => number, snapshot?: () => PublicSnapshotStats): SubgraphMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ subgraph });
  new Counter({
    name: 'nlf_sql_statements_total',
    help: 'SQL statements sent to the database.',
    registers: [registry],
    // The database counts its statements itself; the counter shows that count when scraped.
    collect() {
      this.reset();
      this.inc(sqlStatements());
    },
  });
  if (snapshot) {
    new Counter({
      name: 'nlf_public_snapshot_loads_total',
      help: 'Statements that read the public facts into the snapshot (one after each change that a read followed).',
      registers: [registry],
      collect() {
        this.reset();
        this.inc(snapshot().loads);
      },
    });
    new Gauge({
      name: 'nlf_public_snapshot_bytes',
      help: 'Bytes (of JSON) of the public facts held in memory; 0 when none are, or when they were over the bound.',
      registers: [registry],
      collect() {
        this.set(snapshot().bytes);
      },
    });
  }
  const requests = new Counter({ name: 'nlf_graphql_requests_total', help: 'GraphQL requests received.', registers: [registry] });
  return { registry, countRequest: () => requests.inc() };
}
