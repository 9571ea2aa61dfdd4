import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@nlf/stack';
import { useTestFederation } from '../harness/federation';

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'gateway', 'persisted-operations.json'), 'utf8')) as {
  operations: { id: string; name: string; body: string }[];
};
const dashboardOperation = manifest.operations.find((operation) => operation.name === 'DashboardIndicators')!;

const federation = useTestFederation();

const persistedGet = (id: string, headers: Record<string, string> = { 'apollo-require-preflight': 'true' }) => {
  const extensions = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: id } }));
  return fetch(`${federation.url}?operationName=DashboardIndicators&extensions=${extensions}`, { headers });
};

describe('indicators', () => {
  it('sums each country\'s reported figures as ranges and says which unions report', async () => {
    const { data, errors } = await federation.query(`{ indicators { countries {
      id unions reportingShare registerLeaderMemberCount unavailable
      leaderMemberCount { low high reporting missing estimate } memberCount { low high reporting missing } } } }`);
    expect(errors).toBeUndefined();
    const [no, se, dk] = data.indicators.countries;
    expect(dk).toMatchObject({ id: 'DK', unions: 9, reportingShare: 1, unavailable: [] });
    expect(dk.leaderMemberCount).toEqual({ low: 12835, high: 13185, reporting: 9, missing: [], estimate: true });
    expect(no.leaderMemberCount).toEqual({ low: 9700, high: 9700, reporting: 1, missing: ['lederne', 'fagforbundet'], estimate: false });
    expect(no.reportingShare).toBeCloseTo(1 / 3);
    // "over 17 500" has no upper bound, so neither has the sum.
    expect(no.memberCount).toEqual({ low: 362500, high: null, reporting: 2, missing: ['utdanningsforbundet'] });
    expect(se).toMatchObject({ id: 'SE', unions: 1, reportingShare: 0 });
    // The test databases hold a synthetic register of 1000 leader members per union.
    expect(no.registerLeaderMemberCount).toBe(3000);
    expect(dk.registerLeaderMemberCount).toBe(9000);
  });

  it("gives each organisation's indicators from its own subgraph, consistent with its councils and forums", async () => {
    const { data } = await federation.query(`{ organisation(id: "utdanningsforbundet") {
      councils { id } forums { id }
      indicators { reported councilCount forumCount registerLeaderMemberCount registerSynthetic computedAt
        leaderMemberCount { low high approximate source { quote } } } } }`);
    const org = data.organisation;
    expect(org.indicators).toMatchObject({
      reported: true,
      councilCount: org.councils.length,
      forumCount: org.forums.length,
      registerLeaderMemberCount: 1000,
      registerSynthetic: true,
      leaderMemberCount: { low: 9700, high: 9700, approximate: true, source: { quote: expect.stringContaining('9700 ledermedlemmer') } },
    });
    expect(org.forums.length).toBeGreaterThan(0);
    expect(Date.now() - Date.parse(org.indicators.computedAt)).toBeLessThan(10 * 60_000);
  });
});

describe('the registered dashboard operation', () => {
  it('is registered under the sha256 of its text', () => {
    expect(dashboardOperation.id).toBe(createHash('sha256').update(dashboardOperation.body).digest('hex'));
  });

  it('answers an HTTP GET by id with cache headers, the same data a POST of its text gets', async () => {
    const response = await persistedGet(dashboardOperation.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('max-age=60, public');
    const byId = (await response.json()) as any;
    const byText = await federation.query(dashboardOperation.body);
    expect(byText.errors).toBeUndefined();
    const withoutTimes = (value: unknown) => JSON.parse(JSON.stringify(value, (key, v) => (key === 'computedAt' ? undefined : v)));
    expect(withoutTimes(byId.data)).toEqual(withoutTimes(byText.data));
    expect(byId.data.indicators.organisations).toHaveLength(16);
  });

  it('keeps CSRF prevention on: a GET without a preflight-forcing header is refused', async () => {
    const response = await persistedGet(dashboardOperation.id, {});
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('CSRF');
  });

  it('accepts only registered ids: an unknown one is not found, and clients cannot register their own', async () => {
    const query = '{ organisation(id: "sl") { name } }';
    const id = createHash('sha256').update(query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash: id } };
    const registering = await fetch(federation.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, extensions }),
    });
    expect(((await registering.json()) as any).data).toEqual({ organisation: { name: 'SL' } });
    const byId = await persistedGet(id);
    expect(((await byId.json()) as any).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});

describe('CSV export', () => {
  it('serves the same indicators as CSV: a row per country, for all unions, and per organisation', async () => {
    const response = await fetch(new URL('/indicators.csv', federation.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="nlf-indicators-\d{4}-\d{2}-\d{2}\.csv"$/);
    const [header, ...rows] = (await response.text()).trimEnd().split('\r\n');
    const columns = header!.split(',');
    const row = (id: string) => Object.fromEntries(columns.map((column, i) => [column, splitCsv(rows.find((r) => splitCsv(r)[1] === id)!)[i]]));
    expect(rows).toHaveLength(3 + 1 + 16);
    expect(row('DK')).toMatchObject({ level: 'country', leader_members_low: '12835', leader_members_high: '13185', unions: '9', reporting_share: '1' });
    expect(row('ALL')).toMatchObject({ level: 'all', unions: '13', unions_missing_leader_members: 'lederne fagforbundet ledarna' });
    expect(row('3f')).toMatchObject({ level: 'organisation', name: '3F', leader_members_low: '700', leader_members_high: '800', leader_members_estimate: 'true', available: 'true' });
    expect(row('lederne')).toMatchObject({ members_low: '17500', members_high: '', members_source: expect.stringContaining('over 17 500') });
  });
});

/** Splits one CSV line (RFC 4180 quoting). */
function splitCsv(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i]!;
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') (cell += '"'), (i += 1);
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') cells.push(cell), (cell = '');
    else cell += char;
  }
  cells.push(cell);
  return cells;
}
