import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '@nlf/stack';
import { domainOrganisations } from '../harness/domain';
import {
  assertPortsFree,
  comparisonDK,
  defaultPorts,
  interrupt,
  npmStart,
  processesUnder,
  run,
  waitUntil,
  type Started,
} from './newcomer';

// Run by .ci/run after `npm test` (`npm run test:newcomer`), on its own: it needs the default ports.
// What it proves is the README's promise on a fresh machine: `npm ci` (what `npm install` does from the
// lock file) and `npm start` with nothing set, as the user CI runs as (root there), in a fresh clone.

const isRoot = process.getuid?.() === 0;
const RELOCATION_ROOT = '/var/lib/nordic-leaders-federation';
const cleanups: (() => void)[] = [];
let started: Started | undefined;

afterEach(async () => {
  if (started) await interrupt(started).catch(() => undefined);
  started = undefined;
});
afterAll(() => {
  for (const cleanup of cleanups.reverse()) cleanup();
});

function freshClone(parent: string): string {
  const clone = join(parent, 'nordic-leaders-federation');
  run('git', ['clone', '--quiet', REPO_ROOT, clone], parent);
  run('npm', ['ci', '--no-audit', '--no-fund'], clone);
  return clone;
}

const danishCounts = () =>
  domainOrganisations()
    .filter((org) => org.country === 'DK' && org.kind === 'union') // the comparison lists the unions of the table
    .map((org) => ({ id: org.id, leaderMemberCount: org.leaderMemberCount && { low: org.leaderMemberCount.low, high: org.leaderMemberCount.high } }));

async function startQueryAndStop(clone: string, alsoUnder: () => string[], alsoCheck?: () => Promise<void>): Promise<string[]> {
  await assertPortsFree(defaultPorts(clone));
  started = await npmStart(clone, 9 * 60_000);
  await alsoCheck?.();
  const answer = (await comparisonDK()) as { data: { comparison: { leaderMemberCount: unknown; organisations: { id: string }[] } } };
  expect(answer.data.comparison.leaderMemberCount).toEqual({ low: 12835, high: 13185, estimate: true });
  expect(answer.data.comparison.organisations).toEqual(expect.arrayContaining(danishCounts()));
  expect(answer.data.comparison.organisations).toHaveLength(danishCounts().length);

  const output = started.output;
  await interrupt(started);
  started = undefined;
  const folders = [clone, ...alsoUnder()];
  // SIGINT reaches every process in the group; the launcher waits for its children and PostgreSQL.
  const allGone = await waitUntil(() => processesUnder(folders).length === 0, 30_000);
  expect(allGone ? [] : processesUnder(folders)).toEqual([]);
  return output;
}

/** The clone of the first case, which the scaffold case then changes as a union's IT team would. */
let ordinaryClone: string | undefined;

describe('a newcomer on a fresh machine', () => {
  it('clones into an ordinary folder, runs npm ci and npm start with nothing set, queries, and Ctrl-C leaves nothing running', async () => {
    // An ordinary folder (0755), as a user's projects folder is; not a 0700 temporary one.
    const parent = join('/var/tmp', `nlf-newcomer-${process.pid}`);
    mkdirSync(parent, { mode: 0o755 });
    cleanups.push(() => rmSync(parent, { recursive: true, force: true }));
    const clone = freshClone(parent);
    ordinaryClone = clone;

    const output = await startQueryAndStop(clone, () => []);
    expect(output.join("\n")).not.toMatch(/its data is kept in|a copy of its binaries/); // nothing had to move
    // The keys stay private; the folder they share with the database stays passable.
    expect(statSync(join(clone, '.data')).mode & 0o777).toBe(0o755);
    expect(statSync(join(clone, '.data', 'keys')).mode & 0o777).toBe(0o700);
    expect(statSync(join(clone, '.data', 'keys', 'issuer-private.pem')).mode & 0o777).toBe(0o600);
    expect(statSync(join(clone, '.data', 'keys', 'gateway-private.pem')).mode & 0o777).toBe(0o600);
  }, 20 * 60_000);

  it('a union made with npm run new-union starts beside the whole federation under npm start and answers through the gateway', async () => {
    expect(ordinaryClone).toBeDefined(); // the first case made it
    const clone = ordinaryClone!;
    // The README's steps for a new union; the scaffold rewrites committed files, so only in this copy.
    run('npm', ['run', 'new-union', '--', 'ostersjo', 'Östersjö Ledarförbund', 'SE'], clone);
    run('npm', ['install', '--no-audit', '--no-fund'], clone);
    run('npm', ['run', 'compose'], clone);
    const ports = defaultPorts(clone);
    expect(ports).toContain(4107); // after the cooperation subgraph's 4106
    expect(new Set(ports).size).toBe(ports.length);
    await startQueryAndStop(clone, () => [], async () => {
      const response = await fetch('http://127.0.0.1:4000/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ organisation(id: "ostersjo") { name country kind } organisations(country: SE) { id name } }' }),
      });
      expect(await response.json()).toEqual({
        data: {
          organisation: { name: 'Östersjö Ledarförbund', country: 'SE', kind: 'UNION' },
          organisations: [
            { id: 'ledarna', name: 'Ledarna' },
            { id: 'ostersjo', name: 'Östersjö Ledarförbund' },
          ],
        },
      });
    });
  }, 20 * 60_000);

  (isRoot ? it : it.skip)(
    'as root, in a clone under a 0700 folder such as /root, keeps PostgreSQL where its user can reach it and says so in one line',
    async () => {
      const parent = mkdtempSync(join(tmpdir(), 'nlf-newcomer-private-')); // 0700, as /root is
      expect(statSync(parent).mode & 0o777).toBe(0o700);
      let relocated: string[] = [];
      cleanups.push(() => {
        rmSync(parent, { recursive: true, force: true });
        // Whatever the assertions reached: every folder the launcher made for this clone (its ORIGIN says).
        for (const folder of existsSync(RELOCATION_ROOT) ? readdirSync(RELOCATION_ROOT) : []) {
          const origin = join(RELOCATION_ROOT, folder, 'ORIGIN');
          if (existsSync(origin) && readFileSync(origin, 'utf8').startsWith(parent)) rmSync(join(RELOCATION_ROOT, folder), { recursive: true, force: true });
        }
      });
      const clone = freshClone(parent);

      const output = await startQueryAndStop(clone, () => relocated);
      const line = output.find((l) => l.includes('its data is kept in'));
      expect(line).toMatch(
        new RegExp(
          `^PostgreSQL runs as the "postgres" user \\(this process is root\\), who cannot enter ${parent} \\(mode 0700\\), ` +
            `so its data is kept in ${RELOCATION_ROOT}/nordic-leaders-federation-[0-9a-f]{12}/postgres ` +
            `and a copy of its binaries in ${RELOCATION_ROOT}/runtime-nordic-leaders-federation-[0-9a-f]{12}: `,
        ),
      );
      const [, dataDir, runtime] = /its data is kept in (\S+) and a copy of its binaries in (\S+):/.exec(line!)!;
      relocated = [dataDir!, runtime!];
      expect(statSync(join(dataDir!, 'PG_VERSION')).isFile()).toBe(true);
      // The check above ran before the folders were known: look again, under them too.
      expect(processesUnder([clone, ...relocated])).toEqual([]);
      expect(statSync(join(clone, '.data', 'keys')).mode & 0o777).toBe(0o700);
    },
    20 * 60_000,
  );
});
