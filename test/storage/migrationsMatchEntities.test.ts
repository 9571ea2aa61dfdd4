import { openDatabase, schemaDrift, type Database } from '@nlf/kit';
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
