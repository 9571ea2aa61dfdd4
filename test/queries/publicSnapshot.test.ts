import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@nlf/stack';
import { UNION_SUBGRAPHS } from '../harness/domain';
import { useTestFederation, type RequestOptions } from '../harness/federation';

// Live, as the benchmark's "live" systems run: the gateway's response cache is off, so every request
// is planned and executed and every subgraph called. The subgraphs run as they ship: the public snapshot
// on, following announced versions.
const federation = useTestFederation({ env: { NLF_RESPONSE_CACHE: 'off' } });

const SECRETARIAT: RequestOptions = { as: { role: 'secretariat' } };
const FIGURE = 'low high approximate estimate qualifier scope unit source { document quote }';
// The benchmark's cross-union scenario (bench/src/scenarios.ts).
const CROSS_UNION = `query CrossUnion { organisations { id name displayName country kind memberCount { ${FIGURE} } leaderMemberCount { ${FIGURE} }
  branchCounts { kind count { low } } councils { name kind size { low } members { name role } } register { leaderMemberCount } }
  comparison { leaderMemberCount { low high reporting missing unavailable estimate } memberCount { low high reporting } } }`;
const dashboard = (
  JSON.parse(readFileSync(join(REPO_ROOT, 'gateway', 'persisted-operations.json'), 'utf8')) as { operations: { id: string; name: string }[] }
).operations.find((operation) => operation.name === 'DashboardIndicators')!;

async function crossUnion() {
  const response = await federation.query(CROSS_UNION, {}, SECRETARIAT);
  expect(response.errors).toBeUndefined();
  return response.data;
}

async function dashboardById() {
  const extensions = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: dashboard.id } }));
  const response = await fetch(`${federation.url}?operationName=DashboardIndicators&extensions=${extensions}`, {
    headers: { 'apollo-require-preflight': 'true' },
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { data: any; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data;
}

/** SQL statements of the union subgraphs for each of `times` requests, one after another. */
async function statementsPerRequest(request: () => Promise<unknown>, times = 3): Promise<number[]> {
  const counts: number[] = [];
  for (let i = 0; i < times; i++) counts.push((await federation.growthDuring('nlf_sql_statements_total', request)).total);
  return counts;
}

describe('public facts from each union subgraph\'s snapshot, live', () => {
  it('cost the cross-union comparison at most 12 statements, and none once the snapshots are loaded', async () => {
    const counts = await statementsPerRequest(crossUnion);
    // Before: about 23 per request (bench/notes.md). The first request may load each union's snapshot, one statement each.
    expect(Math.max(...counts)).toBeLessThanOrEqual(12);
    expect(counts.at(-1)).toBe(0);
    const data = await crossUnion();
    expect(data.organisations).toHaveLength(16);
    expect(data.organisations.find((org: { id: string }) => org.id === 'lederne').register).toEqual({ leaderMemberCount: 1000 });
    expect(data.comparison.leaderMemberCount.missing).toEqual(expect.arrayContaining(['lederne', 'fagforbundet', 'ledarna']));
  });

  it('cost the registered dashboard operation at most 12 statements, and none once loaded', async () => {
    const counts = await statementsPerRequest(dashboardById);
    // Before: 61 per request.
    expect(Math.max(...counts)).toBeLessThanOrEqual(12);
    expect(counts.at(-1)).toBe(0);
    const data = await dashboardById();
    const no = data.indicators.countries.find((country: { id: string }) => country.id === 'NO');
    expect(no.registerLeaderMemberCount).toBe(3000);
    const utdanning = data.indicators.organisations.find((org: { id: string }) => org.id === 'utdanningsforbundet');
    expect(utdanning.organisation.indicators).toMatchObject({ reported: true, registerLeaderMemberCount: 1000, registerSynthetic: true });
  });

  it('never serve a personal field: a page of members is read by SQL and audited, however warm the snapshot', async () => {
    const staff: RequestOptions = { as: { role: 'union-staff', org: 'foa' } };
    const page = `{ organisation(id: "foa") { name leaderMembers(first: 3) { totalCount edges { node { id } } } } }`;
    const read = async () => {
      const response = await federation.query(page, {}, staff);
      expect(response.errors).toBeUndefined();
      return response.data.organisation;
    };
    await read();
    const { bySubgraph } = await federation.growthDuring('nlf_sql_statements_total', read);
    // The organisation's name from the snapshot; the register's count, the page and the audit entry by SQL.
    expect(bySubgraph.lo).toBe(3);
    for (const subgraph of UNION_SUBGRAPHS.filter((name) => name !== 'lo')) expect(bySubgraph[subgraph]).toBe(0);
    const organisation = await read();
    expect(organisation.leaderMembers.totalCount).toBe(1000);
    expect(organisation.leaderMembers.edges).toHaveLength(3);
  });

  it('report their size and loads on /metrics', async () => {
    for (const subgraph of UNION_SUBGRAPHS) {
      expect(await federation.metric(subgraph, 'nlf_public_snapshot_loads_total')).toBeGreaterThanOrEqual(1);
      const bytes = await federation.metric(subgraph, 'nlf_public_snapshot_bytes');
      expect(bytes).toBeGreaterThan(1000);
      expect(bytes).toBeLessThan(16 * 1024 * 1024);
    }
  });
});
