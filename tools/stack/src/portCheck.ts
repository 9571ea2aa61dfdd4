import type { Server } from 'node:net';
import { errnoCode, PostgresLaunchError } from './errors.js';
import { closeServer, listenOnLoopback, LOOPBACK } from './ports.js';

/** Fails fast, before initdb and before spawning postgres, whose own bind error would surface late and vaguely. */
export async function assertPortFree(port: number): Promise<void> {
  let server: Server;
  try {
    server = await listenOnLoopback(port);
  } catch (error) {
    if (errnoCode(error) === 'EADDRINUSE') {
      throw new PostgresLaunchError(
        'PG_PORT_IN_USE',
        `Port ${port} on ${LOOPBACK} is already in use by another program; stop it or choose another port for PostgreSQL.`,
        { cause: error },
      );
    }
    throw new PostgresLaunchError('PG_START_FAILED', `Cannot listen on ${LOOPBACK}:${port}: ${String(error)}`, {
      cause: error,
    });
  }
  await closeServer(server);
}
