import { spawnSync } from 'node:child_process';
import { dropDatabase, ensureDatabase, findFreePort, REPO_ROOT, type AdminConnection } from '@nlf/stack';
import { startProcess, type TestProcess } from '../harness/process';
import { harnessState } from '../harness/state';

/** The kit's migrations, in order: what a union subgraph's empty database is waiting for. */
const MIGRATIONS = [
  'Migration20261123000000_contract',
  'Migration20261123100000_dataVersion',
  'Migration20261123170000_personalDataAccess',
  'Migration20261123200000_leaderMemberSearch',
  'Migration20261125000000_dataVersionNotify',
  'Migration20261202000000_personalDataAccessArguments',
  'Migration20261202000000_sourceProfile',
  'Migration20261202010000_sourcePassages',
  'Migration20261202040000_bodyDetails',
  'Migration20261202050000_dataVersionSingletonCheck',
];

// A database of its own on the test PostgreSQL, empty: as a union's database is before its first migration.
const base = new URL(harnessState().databaseUrls.lederne!);
const admin: AdminConnection = { host: base.hostname, port: Number(base.port), user: decodeURIComponent(base.username), password: decodeURIComponent(base.password) };
const NAME = 'nlf_readiness_check';
const databaseUrl = Object.assign(new URL(base), { pathname: `/${NAME}` }).toString();
let lederne: TestProcess | undefined;
let port: number;

beforeAll(async () => {
  await dropDatabase(admin, NAME);
  await ensureDatabase(admin, NAME);
  port = await findFreePort();
  lederne = startProcess(['services/lederne/dist/index.js', 'serve'], { HOST: '127.0.0.1', PORT: String(port), DATABASE_URL: databaseUrl });
  await lederne.waitForHttp(`http://127.0.0.1:${port}/health`);
});
afterAll(async () => {
  await lederne?.stop();
  await dropDatabase(admin, NAME);
});

const ready = async () => {
  const response = await fetch(`http://127.0.0.1:${port}/ready`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe('a subgraph on a database that is not migrated', () => {
  it('is live but not ready, and says which migrations are pending', async () => {
    expect(await ready()).toEqual({
      status: 503,
      body: { status: 'unavailable', subgraph: 'lederne', database: 'ok', migrations: 'pending', pending: MIGRATIONS },
    });
  });

  it('becomes ready once `migrate` has run, which reports each migration as it goes', async () => {
    const migrate = spawnSync(process.execPath, ['services/lederne/dist/index.js', 'migrate'], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      encoding: 'utf8',
    });
    expect(migrate.status).toBe(0);
    const messages = migrate.stderr.trim().split('\n').map((line) => (JSON.parse(line) as { msg: string }).msg);
    expect(messages).toEqual([
      `${MIGRATIONS.length} migration(s) to apply`,
      ...MIGRATIONS.flatMap((name, i) => [
        `migration ${i + 1}/${MIGRATIONS.length}: ${name} ...`,
        expect.stringMatching(new RegExp(`^migration ${i + 1}/${MIGRATIONS.length}: ${name} applied in \\d+ ms$`)),
      ]),
      `applied migrations: ${MIGRATIONS.join(', ')}`,
    ]);
    expect(await ready()).toEqual({ status: 200, body: { status: 'ready', subgraph: 'lederne', database: 'ok', migrations: 'applied' } });
  });
});
