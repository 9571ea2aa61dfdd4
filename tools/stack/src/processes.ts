import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { errnoCode } from './errors.js';

/** Only fields we need from /proc/<pid>/stat (Linux). */
export interface ProcStat {
  state: string;
  ppid: number;
}

const HAS_PROC = process.platform === 'linux';

export async function readProcStat(pid: number): Promise<ProcStat | undefined> {
  try {
    const text = await readFile(`/proc/${pid}/stat`, 'utf8');
    // The command name in parentheses may itself contain spaces or ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', ppid: Number(fields[1]) };
  } catch {
    return undefined;
  }
}

export async function readCmdline(pid: number): Promise<string[] | undefined> {
  try {
    const text = await readFile(`/proc/${pid}/cmdline`, 'utf8');
    return text.split('\0').filter((part) => part.length > 0);
  } catch {
    return undefined;
  }
}

/**
 * Zombies count as gone: an orphaned postgres is reparented to PID 1, and some
 * container inits never reap, so a dead postmaster can keep its PID visible.
 */
export async function isProcessAlive(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM means the process exists but belongs to another user.
    if (errnoCode(error) === 'ESRCH') return false;
  }
  if (!HAS_PROC) return true;
  const stat = await readProcStat(pid);
  return stat !== undefined && stat.state !== 'Z' && stat.state !== 'X';
}

export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (await isProcessAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await sleep(100);
  }
  return true;
}

/** Signals a PID that may have exited in the meantime. */
export function signalIfAlive(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if (errnoCode(error) !== 'ESRCH') throw error;
  }
}

/**
 * SIGINT is PostgreSQL's "fast shutdown" (clients disconnected, data flushed);
 * SIGKILL only when that does not finish in time.
 * Resolves with how it ended, or 'alive' if even SIGKILL did not work.
 */
export async function stopPid(pid: number, graceMs: number): Promise<'stopped' | 'killed' | 'alive'> {
  signalIfAlive(pid, 'SIGINT');
  if (await waitForExit(pid, graceMs)) return 'stopped';
  signalIfAlive(pid, 'SIGKILL');
  return (await waitForExit(pid, 5_000)) ? 'killed' : 'alive';
}
