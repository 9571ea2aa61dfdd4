import { startTestFederation, type Caller, type TestFederation } from '../harness/federation';
import { createIsolatedDatabase, type IsolatedDatabase } from './isolatedDatabase';

// The subgraphs' public snapshot, with the gateway's response cache off: each answer below is computed
// live, and the union subgraph answers its public facts from memory between commits. Lederne runs on a
// database of this file's own, so changing its data cannot disturb other tests.
let lederne: IsolatedDatabase;
beforeAll(async () => {
  lederne = await createIsolatedDatabase('lederne', { NLF_REGISTER_SIZE: '40' });
}, 120_000);
afterAll(async () => {
  await lederne?.drop();
});

const ORGANISATION = `query Organisation($id: ID!) { organisation(id: $id) { id name councils { name members { name } } register { leaderMemberCount } } }`;
const SECRETARIAT: Caller = { role: 'secretariat' };

function useFederation(env: NodeJS.ProcessEnv): () => TestFederation {
  let federation: TestFederation | undefined;
  beforeAll(async () => {
    federation = await startTestFederation({ databaseUrls: { lederne: lederne.url }, env: { NLF_RESPONSE_CACHE: 'off', ...env } });
  }, 120_000);
  afterAll(async () => {
    await federation?.stop();
  });
  return () => federation!;
}

async function read(federation: TestFederation) {
  const response = await federation.query(ORGANISATION, { id: 'lederne' }, { as: SECRETARIAT });
  expect(response.errors).toBeUndefined();
  return response.data.organisation;
}

/** Lederne's statements for one read, and what it answered. */
async function measured(federation: TestFederation) {
  let organisation: any;
  const { bySubgraph } = await federation.growthDuring('nlf_sql_statements_total', async () => {
    organisation = await read(federation);
  });
  return { statements: bySubgraph.lederne!, organisation };
}

/** Reads until `done` holds (an announcement arrives within milliseconds of its commit), or fails after 10 s. */
async function readUntil(federation: TestFederation, done: (organisation: any) => boolean) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const organisation = await read(federation);
    if (done(organisation)) return organisation;
    if (Date.now() > deadline) throw new Error(`still answered ${JSON.stringify(organisation)} after 10 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('following announced versions (the default)', () => {
  const federation = useFederation({});

  it('answers from memory between commits, and shows a commit made by SQL once it is announced', async () => {
    const before = await read(federation());
    expect(before).toMatchObject({ name: 'Lederne', register: { leaderMemberCount: 40 } });
    expect((await measured(federation())).statements).toBe(0);

    const council = before.councils[0].name as string;
    await lederne.execute(`update council set name = name || ' (renamed)' where organisation_id = 'lederne' and name = ?`, [council]);
    const after = await readUntil(federation(), (organisation) => organisation.councils[0].name !== council);
    expect(after.councils[0].name).toBe(`${council} (renamed)`);
    // Replaced once, by the read that followed the announcement; from memory again after it.
    expect(await measured(federation())).toEqual({ statements: 0, organisation: after });
    await lederne.execute(`update council set name = ? where organisation_id = 'lederne' and name = ?`, [council, `${council} (renamed)`]);
    await readUntil(federation(), (organisation) => organisation.councils[0].name === council);
  });

  it('shows a reseeded register once announced', async () => {
    await read(federation());
    await lederne.reseed({ NLF_REGISTER_SIZE: '25' });
    const after = await readUntil(federation(), (organisation) => organisation.register.leaderMemberCount !== 40);
    expect(after).toMatchObject({ name: 'Lederne', register: { leaderMemberCount: 25 } });
    expect((await measured(federation())).statements).toBe(0);
  });
});

describe('checked (NLF_CACHE_FRESHNESS=checked): the version is read for every request', () => {
  const federation = useFederation({ NLF_CACHE_FRESHNESS: 'checked' });

  it('shows a commit made by SQL to the very next request, at one version read per subgraph call', async () => {
    const before = await read(federation());
    const warm = await measured(federation());
    expect(warm).toEqual({ statements: 1, organisation: before });

    await lederne.execute(`update organisation set name = 'Lederne (renamed)' where id = 'lederne'`);
    // No waiting: the version read that follows the request sees the commit, and the snapshot is loaded again.
    const after = await measured(federation());
    expect(after.organisation).toEqual({ ...before, name: 'Lederne (renamed)' });
    expect(after.statements).toBe(2);
    expect((await measured(federation())).statements).toBe(1);
    await lederne.execute(`update organisation set name = 'Lederne' where id = 'lederne'`);
    expect((await read(federation())).name).toBe('Lederne');
  });
});
