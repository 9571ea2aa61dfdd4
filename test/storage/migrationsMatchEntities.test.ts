import { openDatabase, schemaDrift, type Database } from '@nlf/kit';
import { contractEntities, contractMigrations } from '@nlf/kit/db';
import { cooperationEntities } from '@nlf/service-cooperation/dist/entities';
import { cooperationMigrations } from '@nlf/service-cooperation/dist/migrations';
import { harnessState } from '../harness/state';

/**
 * The migrations are the database's history and the entities what the code reads and writes: after
 * every migration has run on an empty database, MikroORM's schema generator must find nothing to
 * change. A column, default, check, index or foreign key declared in one and not the other fails here.
 */
const seeded = harnessState().databaseUrls.cooperation!;
const urlOf = (database: string) => Object.assign(new URL(seeded), { pathname: `/${database}` }).toString();

// Databases are created and dropped over a connection to the seeded one (left as it is).
let admin: Database;
const created: string[] = [];
beforeAll(async () => {
  admin = await openDatabase({ url: seeded, contract: false, entities: cooperationEntities, poolSize: 1 });
});
afterAll(async () => {
  for (const name of created) await admin.orm.em.getConnection().execute(`drop database if exists ${name}`);
  await admin?.close();
});

async function freshDatabase(label: string): Promise<string> {
  const name = `nlf_schema_${label}_${process.pid}_${created.length}`;
  await admin.orm.em.getConnection().execute(`create database ${name}`);
  created.push(name);
  return urlOf(name);
}

describe('the cooperation database', () => {
  it('is, after its migrations, exactly what its entities describe', async () => {
    const url = await freshDatabase('cooperation');
    expect(await schemaDrift({ url, contract: false, entities: cooperationEntities, migrations: cooperationMigrations })).toBe('');
  });

  it('differs, and says how, when a migration is missing', async () => {
    const url = await freshDatabase('cooperation_partial');
    // Without the migration that creates the search passages, whatever migrations came after it.
    const migrations = cooperationMigrations.filter((migration) => migration.name !== 'Migration20261202030000_sourcePassages');
    expect(migrations).toHaveLength(cooperationMigrations.length - 1);
    const drift = await schemaDrift({ url, contract: false, entities: cooperationEntities, migrations });
    expect(drift).toContain('create table "source_passage"');
  });
});

// Every union subgraph (lederne, lo...) runs on the kit's contract entities and migrations alone.
describe('a union database', () => {
  it('is, after its migrations, exactly what its entities describe', async () => {
    const url = await freshDatabase('union');
    expect(await schemaDrift({ url, contract: true })).toBe('');
  });

  it('differs, and says how, when a migration is missing', async () => {
    const url = await freshDatabase('union_partial');
    // Without the member search's ICU expression indexes, which the generator compares by name.
    const migrations = contractMigrations.filter((migration) => migration.name !== 'Migration20261123200000_leaderMemberSearch');
    expect(migrations).toHaveLength(contractMigrations.length - 1);
    const drift = await schemaDrift({ url, contract: false, entities: contractEntities, migrations });
    expect(drift.split('\n')).toEqual([
      'create index leader_member_family_name_search_idx on leader_member (organisation_id, lower(family_name collate "und-x-icu") text_pattern_ops);',
      `create index leader_member_full_name_search_idx on leader_member (organisation_id, lower((given_name || ' ' || family_name) collate "und-x-icu") text_pattern_ops);`,
    ]);
  });
});
