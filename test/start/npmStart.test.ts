import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { findFreePort, issueToken, REPO_ROOT } from '@nlf/stack';
import { harnessState } from '../harness/state';

/** What `npm start` runs after its build, on a fresh data directory and free ports. */
interface Launcher {
  child: ChildProcess;
  gatewayUrl: string;
  output: string[];
}

// Each case starts the whole federation once or twice (up to 90 s each on a busy 2-core machine).
jest.setTimeout(240_000);

const workDir = mkdtempSync(join(tmpdir(), 'nlf-start-'));
// As root, PostgreSQL runs as "postgres", which must be able to pass through this folder.
chmodSync(workDir, 0o711);
const dataDir = join(workDir, 'postgres');
const keysDir = join(workDir, 'keys');
let postgresPort: number;
const launchers: Launcher[] = [];

async function launch(extraEnv: NodeJS.ProcessEnv = {}): Promise<Launcher> {
  const port = await findFreePort();
  const child = spawn(process.execPath, [join(REPO_ROOT, 'tools', 'stack', 'dist', 'cli.js'), 'start'], {
    env: {
      ...process.env,
      NLF_DATA_DIR: dataDir,
      NLF_KEYS_DIR: keysDir,
      NLF_POSTGRES_PORT: String(postgresPort),
      PORT: String(port),
      NLF_SUBGRAPH_PORTS: 'free',
      NLF_REGISTER_SIZE: '50',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const launcher = { child, gatewayUrl: `http://127.0.0.1:${port}/graphql`, output };
  launchers.push(launcher);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not up in 90 s:\n${output.join('\n')}`)), 90_000);
    createInterface({ input: child.stderr! }).on('line', (line) => {
      output.push(line);
      if (line.includes('Nordic Leaders Federation is up in')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`launcher exited (${code}):\n${output.join('\n')}`));
    });
  });
  return launcher;
}

const postmasterPid = () => Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
async function until(condition: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
const answers = async (url: string) => {
  try {
    await fetch(url.replace('/graphql', '/health'));
    return true;
  } catch {
    return false;
  }
};
/** The PID of the launcher's child whose command line names `entry` (from /proc, not from the launcher's output). */
function childRunning(launcherPid: number, entry: string): number {
  const children = readFileSync(`/proc/${launcherPid}/task/${launcherPid}/children`, 'utf8').trim().split(/\s+/).map(Number);
  const found = children.find((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(entry);
    } catch {
      return false;
    }
  });
  if (found === undefined) throw new Error(`no child of ${launcherPid} runs ${entry}`);
  return found;
}
const comparisonDK = async (url: string) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ comparison(country: DK) { leaderMemberCount { low high } } }' }),
  });
  const body = (await response.json()) as { data?: unknown };
  // The whole answer when it has no data, so a failure says why.
  return body.data ?? { status: response.status, ...body };
};

beforeAll(async () => {
  postgresPort = await findFreePort();
});
afterAll(async () => {
  for (const { child } of launchers) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  try {
    if (alive(postmasterPid())) process.kill(postmasterPid(), 'SIGINT');
  } catch {
    // Nothing left to stop.
  }
  rmSync(workDir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('creates and seeds the databases on first run, serves the federation, and reports its time', async () => {
    const { gatewayUrl, output } = await launch();
    expect(await comparisonDK(gatewayUrl)).toEqual({ comparison: { leaderMemberCount: { low: 12835, high: 13185 } } });
    expect(output.join('\n')).toMatch(/seeded 11 organisation\(s\), 450 synthetic leader members/);
    expect(output.join('\n')).toMatch(/is up in \d+\.\d s/);
  });

  it('brings back a subgraph and the gateway that die, saying which and how', async () => {
    const { child, gatewayUrl, output } = launchers[0]!;
    const lederne = childRunning(child.pid!, 'services/lederne/dist/index.js');
    process.kill(lederne, 'SIGKILL');
    await until(() => output.some((line) => /^lederne is back \(PID \d+\)$/.test(line)), 60_000);
    expect(output).toContain(`lederne (PID ${lederne}) was killed by SIGKILL; restarting it in 500 ms (failure 1 of 5 allowed in 60 s)`);
    const lederneName = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ organisation(id: "lederne") { name } }' }),
    });
    expect(await lederneName.json()).toEqual({ data: { organisation: { name: 'Lederne' } } });

    const gateway = childRunning(child.pid!, 'gateway/dist/main.js');
    process.kill(gateway, 'SIGKILL');
    await until(() => output.some((line) => /^gateway is back \(PID \d+\)$/.test(line)), 60_000);
    expect(output).toContain(`gateway (PID ${gateway}) was killed by SIGKILL; restarting it in 500 ms (failure 1 of 5 allowed in 60 s)`);
    expect(await comparisonDK(gatewayUrl)).toEqual({ comparison: { leaderMemberCount: { low: 12835, high: 13185 } } });
  });

  it('stops everything it started on Ctrl-C, PostgreSQL included', async () => {
    const { child, gatewayUrl } = launchers[0]!;
    const postgres = postmasterPid();
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    await exited;
    await until(() => !alive(postgres));
    expect(await answers(gatewayUrl)).toBe(false);
  });

  it('starts again on the same data without reseeding, after a launcher was killed outright', async () => {
    const second = await launch();
    const leftBehind = postmasterPid();
    second.child.kill('SIGKILL');
    // Its children notice their launcher is gone and stop; its PostgreSQL stays behind...
    await until(async () => !(await answers(second.gatewayUrl)));
    expect(alive(leftBehind)).toBe(true);
    // ...until the next start finds it and stops it first.
    const third = await launch();
    expect(alive(leftBehind)).toBe(false);
    expect(third.output.join('\n')).not.toMatch(/seeded/);
    expect(await comparisonDK(third.gatewayUrl)).toEqual({ comparison: { leaderMemberCount: { low: 12835, high: 13185 } } });
  });

  it('runs a union on an external PostgreSQL named by NLF_DATABASE_URL_<NAME>', async () => {
    const previous = launchers.at(-1)!;
    const exited = new Promise((resolve) => previous.child.once('exit', resolve));
    previous.child.kill('SIGINT');
    await exited;
    // The test run's own PostgreSQL stands in for a union's separate database server.
    const external = harnessState().databaseUrls.lederne!;
    const { gatewayUrl, output } = await launch({ NLF_DATABASE_URL_LEDERNE: external });
    expect(output).toContain('lederne: external database from NLF_DATABASE_URL_LEDERNE');
    const token = await issueToken(readFileSync(join(keysDir, 'issuer-private.pem'), 'utf8'), { role: 'secretariat' });
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ organisation(id: "lederne") { register { leaderMemberCount } } }' }),
    });
    // The test databases hold 1000 members per union; this launcher's own seeds 50.
    expect(await response.json()).toEqual({ data: { organisation: { register: { leaderMemberCount: 1000 } } } });
  });
});
