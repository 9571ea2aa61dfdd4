import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface BenchProcess {
  name: string;
  pid: number;
  stop(): Promise<void>;
}

/** Starts `node <script>` and waits for it to print "ready" (or the gateway's "listening on"). */
export async function startProcess(
  name: string, script: string, env: NodeJS.ProcessEnv, log: (line: string) => void, nodeArgs: string[] = [],
): Promise<BenchProcess> {
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const onLine = (line: string) => {
      lines.push(line);
      if (line === 'ready' || line.includes('listening on')) resolve();
    };
    createInterface({ input: child.stdout! }).on('line', onLine);
    createInterface({ input: child.stderr! }).on('line', onLine);
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}):\n${lines.slice(-20).join('\n')}`)));
    setTimeout(() => reject(new Error(`${name} not ready in 60 s:\n${lines.slice(-20).join('\n')}`)), 60_000).unref();
  });
  log(`${name} is up (pid ${child.pid})`);
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
