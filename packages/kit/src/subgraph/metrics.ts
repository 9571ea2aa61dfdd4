import { Counter, Registry } from 'prom-client';

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
export function createSubgraphMetrics(subgraph: string, sqlStatements: () => number): SubgraphMetrics {
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
  const requests = new Counter({ name: 'nlf_graphql_requests_total', help: 'GraphQL requests received.', registers: [registry] });
  return { registry, countRequest: () => requests.inc() };
}
