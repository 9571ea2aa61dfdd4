import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { HARNESS_STATE, type HarnessState } from './state';

export default async function globalTeardown(): Promise<void> {
  const child = (globalThis as { nlfPostgres?: ChildProcess }).nlfPostgres;
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  const raw = process.env[HARNESS_STATE];
  if (raw) rmSync((JSON.parse(raw) as HarnessState).dataDir, { recursive: true, force: true });
}
