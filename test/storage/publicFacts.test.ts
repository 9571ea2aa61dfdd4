import { openDatabase, type Database } from '@nlf/kit';
import { RegisterDimension } from '@nlf/contract';
import { PUBLIC_LISTS, publicFactsStatement, type PublicFacts, type PublicListName } from '../../packages/kit/src/subgraph/publicFacts';
import { sqlPublicLoaders } from '../../packages/kit/src/subgraph/publicLoaders';
import { databaseSnapshotSource, DEFAULT_SNAPSHOT_MAX_BYTES } from '../../packages/kit/src/subgraph/publicSnapshot';
import { UNION_SUBGRAPHS } from '../harness/domain';
import { harnessState } from '../harness/state';

// The snapshot is read by one statement of its own; what it holds must be exactly what the per-request
// SQL loaders read, for every union's seeded data, and nothing of the register's members.
const databases: Record<string, Database> = {};
beforeAll(async () => {
  for (const subgraph of UNION_SUBGRAPHS) databases[subgraph] = await openDatabase({ url: harnessState().databaseUrls[subgraph]!, poolSize: 1 });
});
afterAll(async () => {
  for (const database of Object.values(databases)) await database.close();
});

const noListener = { follow: () => Promise.reject(new Error('not followed in this test')) };

async function snapshotFacts(database: Database): Promise<PublicFacts> {
  const loaded = await databaseSnapshotSource(database, noListener).load(DEFAULT_SNAPSHOT_MAX_BYTES);
  if (!loaded.facts) throw new Error(`the public facts (${loaded.bytes} bytes) are over the bound`);
  return loaded.facts;
}

describe.each(UNION_SUBGRAPHS)('the public facts of %s in one statement', (subgraph) => {
  it('are what the per-request SQL loaders read, at the data version of the same moment', async () => {
    const database = databases[subgraph]!;
    const facts = await snapshotFacts(database);
    const [{ version }] = await database.orm.em.getConnection().execute('select version::text as version from data_version');
    expect(facts.version).toBe(version);

    const sql = sqlPublicLoaders(database.orm.em.fork());
    const ids: { id: string }[] = await database.orm.em.getConnection().execute('select id from organisation order by id');
    expect(ids.length).toBeGreaterThan(0);
    expect([...facts.organisations.keys()].sort()).toEqual(ids.map((row) => row.id));
    for (const { id } of ids) {
      expect(facts.organisations.get(id)).toEqual({ ...(await sql.organisation.load(id)) });
      expect(facts.registers.get(id) ?? null).toEqual(await sql.register.load(id));
      for (const dimension of Object.values(RegisterDimension)) {
        expect(facts.breakdowns.get(`${dimension}|${id}`) ?? []).toEqual(await sql.breakdown.load({ organisationId: id, dimension }));
      }
    }
    for (const name of Object.keys(PUBLIC_LISTS) as PublicListName[]) {
      const keys = name === 'councilMembers' ? [...facts.lists.councils.values()].flat().map((council) => council.id) : ids.map((row) => row.id);
      for (const key of keys) {
        const fromSql = (await sql[name].load(key)).map((row) => ({ ...row }));
        expect(facts.lists[name].get(key) ?? []).toEqual(fromSql);
      }
    }
  });

  it('hold no member of the register: no id, no name', async () => {
    const database = databases[subgraph]!;
    const [statement, values] = publicFactsStatement(database.orm.getMetadata(), DEFAULT_SNAPSHOT_MAX_BYTES);
    const [{ body }] = await database.orm.em.getConnection().execute(statement, values);
    const members: { id: string; given_name: string; family_name: string }[] = await database.orm.em
      .getConnection()
      .execute('select id, given_name, family_name from leader_member order by id limit 200');
    expect(members.length).toBeGreaterThan(0);
    for (const member of members) {
      expect(body).not.toContain(`"${member.id}"`);
      expect(body).not.toContain(`"${member.given_name} ${member.family_name}"`);
    }
  });
});

describe('the bound of a snapshot', () => {
  it('sends no facts over it, only their size', async () => {
    const loaded = await databaseSnapshotSource(databases.lederne!, noListener).load(100);
    expect(loaded.facts).toBeUndefined();
    expect(loaded.bytes).toBeGreaterThan(100);
  });
});
