import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchProcess {
  name: string;
  pid: number;
  stop(): Promise<void>;
}

const LOG_DIR = join(__dirname, '..', '.data', 'logs');

/**
 * Starts `node <script>` and waits for it to print "ready" (or the gateway's "listening on"). Its
 * output goes to bench/.data/logs/<name>.log, not through this process: the load generator runs
 * here, and reading a gateway's request log line by line would take its CPU.
 */
export async function startProcess(
  name: string, script: string, env: NodeJS.ProcessEnv, log: (line: string) => void, nodeArgs: string[] = [],
): Promise<BenchProcess> {
  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = join(LOG_DIR, `${name}.log`);
  const fd = openSync(logFile, 'w');
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, script], { env: { ...process.env, ...env }, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  // Only while starting: the log of a loaded gateway grows by hundreds of MB.
  const tail = () => readFileSync(logFile, 'utf8').slice(-4000).split('\n').slice(-20).join('\n');
  let ready = () => undefined as unknown;
  await new Promise<void>((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      const text = readFileSync(logFile, 'utf8');
      if (/^ready$/m.test(text) || text.includes('listening on')) {
        clearInterval(poll);
        ready();
        resolve();
      } else if (Date.now() - started > 60_000) {
        clearInterval(poll);
        reject(new Error(`${name} not ready in 60 s:\n${tail()}`));
      }
    }, 50);
    const exited = (code: number | null) => {
      clearInterval(poll);
      reject(new Error(`${name} exited (${code}):\n${tail()}`));
    };
    child.once('exit', exited);
    ready = () => child.off('exit', exited);
  });
  log(`${name} is up (pid ${child.pid}, log in bench/.data/logs/${name}.log)`);
  return {
    name,
    pid: child.pid!,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

/** Resident set size of a process, in MB (Linux /proc). */
export function rssMb(pid: number): number {
  const status = readFileSync(join('/proc', String(pid), 'status'), 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}
