import { createServer, type Server } from 'node:net';

// No imports from this package on purpose: tests and tools load this file directly.

export const LOOPBACK = '127.0.0.1';

export function listenOnLoopback(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ host: LOOPBACK, port }, () => resolve(server));
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}

/** A port the OS just reported free on 127.0.0.1 (another program may still take it before you do). */
export async function findFreePort(): Promise<number> {
  const server = await listenOnLoopback(0);
  const address = server.address();
  await closeServer(server);
  if (address === null || typeof address === 'string') {
    throw new Error('The OS did not report a TCP port for 127.0.0.1:0');
  }
  return address.port;
}
