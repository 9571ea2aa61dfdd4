import { startTestFederation, type Caller, type TestFederation } from '../harness/federation';
import { createIsolatedDatabase, type IsolatedDatabase } from './isolatedDatabase';

// The cooperation subgraph runs on a database of this file's own: its changes disturb no other test.
let cooperation: IsolatedDatabase;
let federation: TestFederation;
beforeAll(async () => {
  cooperation = await createIsolatedDatabase('cooperation', {});
  // The default freshness: the subgraph announces its data version, and a hit asks nobody.
  federation = await startTestFederation({ databaseUrls: { cooperation: cooperation.url } });
}, 120_000);
afterAll(async () => {
  await federation?.stop();
  await cooperation?.drop();
});

const JOINT_WORK = 'lo-dk-faelles-ledelsesarbejde';
const GROUP = `query Group($id: ID!) { workGroup(id: $id) { id name version participations { organisation { id } } } }`;
const SECRETARIAT: Caller = { role: 'secretariat' };

async function read(variables: Record<string, unknown> = { id: JOINT_WORK }) {
  const response = await federation.query(GROUP, variables, { as: SECRETARIAT });
  expect(response.errors).toBeUndefined();
  return { data: response.data, cache: response.headers!.get('x-nlf-cache') };
}

/** Reads until `done` holds (an announcement arrives within milliseconds of the commit), or fails after 10 s. */
async function readUntil(done: (answer: Awaited<ReturnType<typeof read>>) => boolean) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const answer = await read();
    if (done(answer)) return answer;
    if (Date.now() > deadline) throw new Error(`still answered ${JSON.stringify(answer)} after 10 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("the cooperation subgraph's data version", () => {
  it('is served, and changes with a commit to its database', async () => {
    const url = new URL('/data-version', federation.running.subgraphs.cooperation!.url);
    const before = await fetch(url);
    expect(before.status).toBe(200);
    const first = (await before.json()) as { subgraph: string; version: string };
    expect(first).toEqual({ subgraph: 'cooperation', version: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    await cooperation.execute(`update work_group set purpose = purpose where id = ?`, [JOINT_WORK]);
    expect(((await (await fetch(url)).json()) as { version: string }).version).not.toBe(first.version);
  });

  it('lets a repeated work group answer come from the cache', async () => {
    const first = await read();
    expect(first.data.workGroup).toMatchObject({ id: JOINT_WORK, participations: expect.arrayContaining([{ organisation: { id: 'oao' } }]) });
    // Once the gateway follows the subgraph's announcements, the same request is a hit.
    const hit = await readUntil((answer) => answer.cache === 'hit');
    expect(hit).toEqual({ data: first.data, cache: 'hit' });
  });

  it('answers anew after a mutation through the gateway', async () => {
    const { data } = await read();
    const renamed = await federation.query(
      `mutation($input: UpdateWorkGroupInput!) { updateWorkGroup(input: $input) { name version } }`,
      { input: { id: JOINT_WORK, expectedVersion: data.workGroup.version, name: 'Fælles ledelsesarbejde (renamed)' } },
      { as: SECRETARIAT },
    );
    expect(renamed.errors).toBeUndefined();
    const after = await readUntil((answer) => answer.data.workGroup.name !== data.workGroup.name);
    expect(after.data.workGroup).toMatchObject({ name: 'Fælles ledelsesarbejde (renamed)', version: data.workGroup.version + 1 });
    expect((await readUntil((answer) => answer.cache === 'hit')).data).toEqual(after.data);
  });

  it('answers anew after a change made directly in its database', async () => {
    await readUntil((answer) => answer.cache === 'hit');
    await cooperation.execute(`update work_group set name = 'Renamed by hand' where id = ?`, [JOINT_WORK]);
    const after = await readUntil((answer) => answer.data.workGroup.name === 'Renamed by hand');
    expect(after.cache).not.toBe('hit');
  });
});
