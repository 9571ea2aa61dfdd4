import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { postgresRunAs } from './access.js';
import { loadEmbeddedPostgres, PostgresOutput } from './embedded.js';
import { errnoCode, PostgresLaunchError, reasonOf } from './errors.js';
import { initialise, start } from './launch.js';
import { makeReachableFolder } from './folders.js';
import { assertPortFree } from './portCheck.js';
import { LOOPBACK } from './ports.js';
import { assertBinariesReachable, assertDataDirOwned, assertDataDirReachable, assertTmpReachable } from './rootChecks.js';
import { installedRuntime, placePostgres, type EmbeddedRuntime } from './relocation.js';
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

/** Folders it creates are 0755 whatever the umask, so they never block the postgres user. */
function createDataDir(dataDir: string): void {
  try {
    makeReachableFolder(dataDir);
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
  const requested = settingsFrom(options);
  const runAs = await postgresRunAs();
  let runtime: EmbeddedRuntime | undefined = installedRuntime();
  let settings = requested;
  if (runAs) {
    const placement = await placePostgres(requested.dataDir, runAs, options.relocateWhenBlocked ?? false);
    if (placement.moved) requested.log(placement.moved);
    runtime = placement.runtime;
    settings = { ...requested, dataDir: placement.dataDir };
  }
  const { dataDir, port, log } = settings;

  if (runAs) await assertDataDirReachable(dataDir, runAs);
  createDataDir(dataDir);
  // Folders created just now follow the umask, so check again.
  if (runAs) await assertDataDirReachable(dataDir, runAs);

  await clearStaleInstance(dataDir, log);
  await assertPortFree(port);

  const initialised = existsSync(join(dataDir, 'PG_VERSION'));
  if (runAs) {
    await assertBinariesReachable(runtime?.binDir, runAs);
    await (initialised ? assertDataDirOwned(dataDir, runAs) : assertTmpReachable(runAs));
  }

  const EmbeddedPostgres = await loadEmbeddedPostgres(runtime?.entry);
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
