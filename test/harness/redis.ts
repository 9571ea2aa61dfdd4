import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createInterface } from 'node:readline';
import { findFreePort } from '@nlf/stack';

/** Debian's redis-server; `.ci/run` installs it with apt-get. */
export const REDIS_SERVER = '/usr/bin/redis-server';

export interface TestRedis {
  url: string;
  port: number;
  pid: number;
  /** Stops the server by its PID (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty (nothing is persisted). */
  start(): Promise<void>;
}

/**
 * A Redis server of the test's own on a free port of 127.0.0.1, with no persistence (no RDB, no
 * AOF: it writes nothing to its working folder), stopped by its PID.
 */
export async function startTestRedis(options: { password?: string } = {}): Promise<TestRedis> {
  if (!existsSync(REDIS_SERVER)) throw new Error(`${REDIS_SERVER} is missing: apt-get install redis-server (.ci/run does)`);
  const port = await findFreePort();
  let child: ReturnType<typeof spawn> | undefined;
  let exited: Promise<void> = Promise.resolve();

  const start = async () => {
    if (child && child.exitCode === null) return;
    const started = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', tmpdir(), '--daemonize', 'no', ...(options.password ? ['--requirepass', options.password] : [])], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = started;
    exited = new Promise((resolve) => started.once('exit', () => resolve()));
    const output: string[] = [];
    createInterface({ input: started.stderr! }).on('line', (line) => output.push(line));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis-server not ready in 10 s:\n${output.join('\n')}`)), 10_000);
      createInterface({ input: started.stdout! }).on('line', (line) => {
        output.push(line);
        if (!line.includes('Ready to accept connections')) return;
        clearTimeout(timer);
        resolve();
      });
      started.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited (${code}):\n${output.join('\n')}`));
      });
    });
  };
  const stop = async () => {
    if (!child || child.exitCode !== null) return;
    child.kill('SIGTERM');
    await exited;
  };

  await start();
  return {
    url: `redis://${options.password ? `:${options.password}@` : ''}127.0.0.1:${port}`,
    port,
    get pid() {
      return child!.pid!;
    },
    stop,
    start,
  };
}
