import { startTestFederation, type Caller, type TestFederation } from '../harness/federation';
import { createIsolatedDatabase, type IsolatedDatabase } from './isolatedDatabase';

// Lederne runs on a database of this file's own, so changing its data cannot disturb other tests.
let lederne: IsolatedDatabase;
let federation: TestFederation;
beforeAll(async () => {
  lederne = await createIsolatedDatabase('lederne', { NLF_REGISTER_SIZE: '40' });
  // The default freshness: each subgraph announces its data version, and a hit asks nobody.
  federation = await startTestFederation({ databaseUrls: { lederne: lederne.url } });
}, 120_000);
afterAll(async () => {
  await federation?.stop();
  await lederne?.drop();
});

const ORGANISATION = `query Organisation($id: ID!) { organisation(id: $id) { id name register { leaderMemberCount } } }`;
const COMPARISON = `{ comparison { leaderMemberCount { low high reporting missing } memberCount { low high } } organisations { id name } }`;
const SECRETARIAT: Caller = { role: 'secretariat' };

async function read(query: string, variables?: Record<string, unknown>) {
  const response = await federation.query(query, variables, { as: SECRETARIAT });
  expect(response.errors).toBeUndefined();
  return { data: response.data, cache: response.headers!.get('x-nlf-cache') };
}

/** Reads until `done` holds (the announcement of a change arrives within milliseconds), or fails after 10 s. */
async function readUntil(query: string, variables: Record<string, unknown>, done: (data: any) => boolean) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const answer = await read(query, variables);
    if (done(answer.data)) return answer;
    if (Date.now() > deadline) throw new Error(`still answered ${JSON.stringify(answer)} after 10 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the response cache, following announced data versions', () => {
  it('answers repeated comparisons without a single SQL statement in any subgraph', async () => {
    const first = await read(COMPARISON);
    // The first reads start following the subgraphs; once every stream is open, hits ask nobody.
    await readUntil(COMPARISON, {}, () => true);
    const deadline = Date.now() + 10_000;
    let cost = Infinity;
    while (cost > 0 && Date.now() < deadline) {
      let answers: Awaited<ReturnType<typeof read>>[] = [];
      ({ total: cost } = await federation.growthDuring('nlf_sql_statements_total', async () => {
        answers = await Promise.all(Array.from({ length: 10 }, () => read(COMPARISON)));
      }));
      for (const answer of answers) expect(answer).toEqual({ data: first.data, cache: 'hit' });
    }
    expect(cost).toBe(0);
    expect(first.data.comparison.leaderMemberCount.missing).toEqual(expect.arrayContaining(['lederne', 'fagforbundet', 'ledarna']));
  });

  it("shows a change committed in a union's database once the union announces it", async () => {
    await read(ORGANISATION, { id: 'lederne' });
    await lederne.execute(`update organisation set name = 'Lederne (renamed)' where id = 'lederne'`);
    const after = await readUntil(ORGANISATION, { id: 'lederne' }, (data) => data.organisation.name !== 'Lederne');
    expect(after.data.organisation).toEqual({ id: 'lederne', name: 'Lederne (renamed)', register: { leaderMemberCount: 40 } });
    await lederne.execute(`update organisation set name = 'Lederne' where id = 'lederne'`);
    await readUntil(ORGANISATION, { id: 'lederne' }, (data) => data.organisation.name === 'Lederne');
  });

  it('shows a reseeded register once announced', async () => {
    await read(ORGANISATION, { id: 'lederne' });
    await lederne.reseed({ NLF_REGISTER_SIZE: '25' });
    const after = await readUntil(ORGANISATION, { id: 'lederne' }, (data) => data.organisation.register.leaderMemberCount !== 40);
    expect(after.data.organisation).toEqual({ id: 'lederne', name: 'Lederne', register: { leaderMemberCount: 25 } });
  });

  it('misses no change made while a union was not announcing: the next answer after its restart is the new one', async () => {
    await readUntil(ORGANISATION, { id: 'lederne' }, () => true);
    expect((await read(ORGANISATION, { id: 'lederne' })).cache).toBe('hit');
    await federation.running.stopSubgraph('lederne');
    await lederne.execute(`update organisation set name = 'Lederne (while down)' where id = 'lederne'`);
    await federation.running.startSubgraph('lederne');
    // No waiting: until the stream is open again, the gateway asks the subgraph for its version.
    expect((await read(ORGANISATION, { id: 'lederne' })).data.organisation.name).toBe('Lederne (while down)');
    await lederne.execute(`update organisation set name = 'Lederne' where id = 'lederne'`);
  });
});
