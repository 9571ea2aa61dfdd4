import { createSubgraphMetrics } from '../metrics';

describe('createSubgraphMetrics', () => {
  it("prints the two counters in Prometheus' text format, labelled with the subgraph", async () => {
    let statements = 7;
    const metrics = createSubgraphMetrics('ledarna', () => statements);
    metrics.countRequest();
    metrics.countRequest();
    statements = 9;
    expect(metrics.registry.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await metrics.registry.metrics()).toBe(
      [
        '# HELP nlf_sql_statements_total SQL statements sent to the database.',
        '# TYPE nlf_sql_statements_total counter',
        'nlf_sql_statements_total{subgraph="ledarna"} 9',
        '',
        '# HELP nlf_graphql_requests_total GraphQL requests received.',
        '# TYPE nlf_graphql_requests_total counter',
        'nlf_graphql_requests_total{subgraph="ledarna"} 2',
        '',
      ].join('\n'),
    );
  });

  it('keeps each subgraph to its own counts, and starts them at 0', async () => {
    const lo = createSubgraphMetrics('lo', () => 0);
    createSubgraphMetrics('lederne', () => 0).countRequest();
    expect(await lo.registry.metrics()).toContain('nlf_graphql_requests_total{subgraph="lo"} 0\n');
  });
});
