import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { harnessKeysEnvironment } from './state';
import { REPO_ROOT } from '@nlf/stack';

export interface TestProcess {
  child: ChildProcess;
  lines: string[];
  exited: Promise<number | null>;
  /** Resolves at the first output line that contains `text`. */
  waitForLine(text: string): Promise<string>;
  /** Polls a URL until it answers 200 (or the process dies). */
  waitForHttp(url: string): Promise<void>;
  /** SIGTERM by PID handle, SIGKILL if it does not end within 15 s. */
  stop(): Promise<void>;
}

/** A Node process of this repo (e.g. `gateway/dist/main.js`) run from the repo root, its output kept. */
export function startProcess(args: string[], env: NodeJS.ProcessEnv): TestProcess {
  // Every process of the federation needs its part of the test run's keys; `env` may still override them.
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, ...harnessKeysEnvironment(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const listeners: (() => void)[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => {
      lines.push(line);
      if (process.env.NLF_TEST_VERBOSE === '1') process.stderr.write(`${line}\n`);
      listeners.forEach((listener) => listener());
    });
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => {
    exitCode = code;
  });
  return {
    child,
    lines,
    exited,
    waitForLine: (text) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const line = lines.find((candidate) => candidate.includes(text));
          if (line) resolve(line);
          else if (exitCode !== undefined) reject(new Error(`process exited (${exitCode}) without "${text}":\n${lines.join('\n')}`));
        };
        listeners.push(check);
        void exited.then(check);
        check();
      }),
    waitForHttp: async (url) => {
      for (let attempt = 0; attempt < 600; attempt += 1) {
        if (exitCode !== undefined) throw new Error(`process exited (${exitCode}):\n${lines.join('\n')}`);
        const ok = await fetch(url).then((response) => response.ok, () => false);
        if (ok) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`${url} did not answer 200:\n${lines.join('\n')}`);
    },
    stop: async () => {
      if (exitCode !== undefined) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
