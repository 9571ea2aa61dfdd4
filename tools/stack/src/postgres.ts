import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { postgresRunAs } from './access.js';
import { loadEmbeddedPostgres, PostgresOutput } from './embedded.js';
import { errnoCode, PostgresLaunchError, reasonOf } from './errors.js';
import { initialise, start } from './launch.js';
import { assertPortFree } from './portCheck.js';
import { LOOPBACK } from './ports.js';
import { assertBinariesReachable, assertDataDirOwned, assertDataDirReachable, assertTmpReachable } from './rootChecks.js';
import { RunningInstance } from './running.js';
import { clearStaleInstance } from './staleInstance.js';
import type { PostgresOptions, RunningPostgres, Settings } from './types.js';

export { PostgresLaunchError, type PostgresLaunchErrorCode } from './errors.js';
export type { PostgresOptions, RunningPostgres } from './types.js';

function settingsFrom(options: PostgresOptions): Settings {
  const { port } = options;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new PostgresLaunchError('PG_INVALID_OPTIONS', `Invalid PostgreSQL port ${String(port)}: expected 1-65535.`);
  }
  if (!options.dataDir) {
    throw new PostgresLaunchError('PG_INVALID_OPTIONS', 'A PostgreSQL data directory is required.');
  }
  return {
    // Absolute, so the stale-instance check can compare it with the postmaster's `-D` argument.
    dataDir: resolve(options.dataDir),
    port,
    user: options.user ?? 'postgres',
    password: options.password ?? 'postgres',
    log: options.log ?? (() => undefined),
  };
}

async function createDataDir(dataDir: string): Promise<void> {
  try {
    await mkdir(dataDir, { recursive: true });
  } catch (error) {
    throw new PostgresLaunchError(
      'PG_DATA_DIR_NOT_ACCESSIBLE',
      `Cannot create the PostgreSQL data directory ${dataDir} (${errnoCode(error) ?? reasonOf(error)}); choose another NLF_DATA_DIR.`,
      { cause: error },
    );
  }
}

async function postmasterPid(dataDir: string): Promise<number> {
  const text = await readFile(join(dataDir, 'postmaster.pid'), 'utf8');
  return Number.parseInt(text.split('\n')[0] ?? '', 10);
}

/**
 * Starts (initialising on first use) an embedded PostgreSQL listening on
 * 127.0.0.1 only, after clearing an instance a killed launcher left behind.
 * Checks that can fail run before anything slow (initdb, spawning postgres).
 */
export async function startPostgres(options: PostgresOptions): Promise<RunningPostgres> {
  const settings = settingsFrom(options);
  const { dataDir, port, log } = settings;
  const runAs = await postgresRunAs();

  if (runAs) await assertDataDirReachable(dataDir, runAs);
  await createDataDir(dataDir);
  // Folders created just now follow the umask, so check again.
  if (runAs) await assertDataDirReachable(dataDir, runAs);

  await clearStaleInstance(dataDir, log);
  await assertPortFree(port);

  const initialised = existsSync(join(dataDir, 'PG_VERSION'));
  if (runAs) {
    await assertBinariesReachable(runAs);
    await (initialised ? assertDataDirOwned(dataDir, runAs) : assertTmpReachable(runAs));
  }

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const output = new PostgresOutput(options.postgresLog);
  const instance = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: settings.user,
    password: settings.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // Only as root: otherwise it would try (and fail) to run groupadd/useradd.
    createPostgresUser: runAs !== undefined,
    // No Unix socket: nothing here uses it, and /tmp/.s.PGSQL.<port> would clash across parallel runs.
    postgresFlags: ['-c', `listen_addresses=${LOOPBACK}`, '-c', 'unix_socket_directories='],
    onLog: output.write,
    onError: output.write,
  });

  if (!initialised) await initialise(instance, settings, output);
  await start(instance, settings, output);
  return new RunningInstance(settings, instance, await postmasterPid(dataDir));
}
