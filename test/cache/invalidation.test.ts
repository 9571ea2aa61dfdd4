import { startTestFederation, type Caller, type TestFederation } from '../harness/federation';
import { createIsolatedDatabase, type IsolatedDatabase } from './isolatedDatabase';

// Lederne runs on a database of this file's own, so changing its data cannot disturb other tests.
let lederne: IsolatedDatabase;
let federation: TestFederation;
beforeAll(async () => {
  lederne = await createIsolatedDatabase('lederne', { NLF_REGISTER_SIZE: '40' });
  // Checked: every read asks the subgraphs, so a commit shows on the very next request, whatever the
  // timing. The default, announced freshness, is in announced.test.ts.
  federation = await startTestFederation({ databaseUrls: { lederne: lederne.url }, env: { NLF_CACHE_FRESHNESS: 'checked' } });
}, 120_000);
afterAll(async () => {
  await federation?.stop();
  await lederne?.drop();
});

const ORGANISATION = `query Organisation($id: ID!) { organisation(id: $id) { id name register { leaderMemberCount } } }`;
const COMPARISON = `{ comparison(country: NO) { organisations { id name } leaderMemberCount { low high reporting } } }`;

// Register counts are for authenticated callers; the secretariat reads them.
const SECRETARIAT: Caller = { role: 'secretariat' };

/** `as`: null for an anonymous caller. */
async function read(query: string, variables?: Record<string, unknown>, as: Caller | null = SECRETARIAT) {
  const response = await federation.query(query, variables, as ? { as } : {});
  expect(response.errors).toBeUndefined();
  return { data: response.data, cache: response.headers!.get('x-nlf-cache') };
}

describe('the response cache, checking versions on every read', () => {
  it('answers a repeated public comparison from the cache, with the same answer', async () => {
    const first = await read(COMPARISON);
    const second = await read(COMPARISON);
    expect(first.cache).not.toBe('live');
    expect(second).toEqual({ data: first.data, cache: 'hit' });
    expect(second.data.comparison.organisations.map((org: { id: string }) => org.id)).toContain('lederne');
  });

  it("shows a change committed in a union's database to the very next request", async () => {
    await read(ORGANISATION, { id: 'lederne' });
    expect((await read(ORGANISATION, { id: 'lederne' })).cache).toBe('hit');

    await lederne.execute(`update organisation set name = 'Lederne (renamed)' where id = 'lederne'`);

    const after = await read(ORGANISATION, { id: 'lederne' });
    expect(after).toEqual({ data: { organisation: { id: 'lederne', name: 'Lederne (renamed)', register: { leaderMemberCount: 40 } } }, cache: 'miss' });
    const comparison = await read(COMPARISON);
    expect(comparison.data.comparison.organisations).toContainEqual({ id: 'lederne', name: 'Lederne (renamed)' });
  });

  it('shows a reseeded register at once', async () => {
    await read(ORGANISATION, { id: 'lederne' });
    expect((await read(ORGANISATION, { id: 'lederne' })).cache).toBe('hit');

    await lederne.reseed({ NLF_REGISTER_SIZE: '25' });

    const after = await read(ORGANISATION, { id: 'lederne' });
    expect(after.data.organisation).toEqual({ id: 'lederne', name: 'Lederne', register: { leaderMemberCount: 25 } });
  });

  it("keeps other unions' answers cached while one union changes", async () => {
    await read(ORGANISATION, { id: 'ledarna' });
    await lederne.execute(`update organisation set name = 'Lederne' where id = 'lederne'`);
    expect((await read(ORGANISATION, { id: 'ledarna' })).cache).toBe('hit');
  });

  it('never shares personal data, not even among the same union\'s staff', async () => {
    const staff: Caller = { role: 'union-staff', org: 'ledarna' };
    const members = `{ organisation(id: "ledarna") { leaderMembers(first: 2) { edges { node { familyName } } } } }`;
    expect((await read(members, undefined, staff)).cache).toBe('live');
    expect((await read(members, undefined, staff)).cache).toBe('live');
    const viaFragment = `{ organisation(id: "ledarna") { ...M } } fragment M on Organisation { leaderMembers(first: 1) { totalCount } }`;
    expect((await read(viaFragment, undefined, staff)).cache).toBe('live');
    const log = `{ organisation(id: "ledarna") { personalDataAccessLog(first: 1) { edges { node { actor } } } } }`;
    expect((await read(log, undefined, staff)).cache).toBe('live');
  });

  it('shares an answer only among callers of the same role and organisation', async () => {
    const PUBLIC = `{ comparison(country: SE) { leaderMemberCount { reporting missing } } }`;
    await read(PUBLIC, undefined, SECRETARIAT);
    expect((await read(PUBLIC, undefined, SECRETARIAT)).cache).toBe('hit');
    expect((await read(PUBLIC, undefined, null)).cache).toBe('miss');
    expect((await read(PUBLIC, undefined, { role: 'union-staff', org: 'lederne' })).cache).toBe('miss');
    expect((await read(PUBLIC, undefined, { role: 'union-staff', org: 'ledarna' })).cache).toBe('miss');
    expect((await read(PUBLIC, undefined, { role: 'union-staff', org: 'ledarna' })).cache).toBe('hit');
  });
});
