import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ChildOptions {
  /** Label in front of every output line. */
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  /** Where the child's output lines go. */
  log: (line: string) => void;
}

export interface Child {
  readonly name: string;
  readonly pid: number;
  readonly process: ChildProcess;
  /** Resolves with the exit code when the child ends. */
  readonly exited: Promise<number | null>;
  /** SIGTERM (graceful), SIGKILL after the grace period; resolves when it has exited. */
  stop(graceMs?: number): Promise<void>;
}

/** Starts a child process whose output is forwarded line by line with its name in front. */
export function startChild(options: ChildOptions): Child {
  // The child's stdin stays open for its lifetime: it closes when this process dies, however it dies,
  // and NLF_EXIT_WITH_PARENT makes the child stop then.
  const child = spawn(options.command, options.args, {
    env: { ...options.env, NLF_EXIT_WITH_PARENT: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream! }).on('line', (line) => options.log(line));
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    name: options.name,
    pid: child.pid!,
    process: child,
    exited,
    stop: async (graceMs = 10_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls an HTTP URL until it answers 200, the child dies, or the time runs out. */
export async function waitForHttp(url: string, child: Child, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void child.exited.then((code) => {
    exitCode = code;
  });
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`${child.name} exited (code ${exitCode}) before it was ready`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${child.name} was not ready at ${url} within ${timeoutMs / 1000} s`);
}
