import { createServer, connect, type Server, type Socket } from 'node:net';

export interface HeldLink {
  port: number;
  /** From now on, bytes from the client are kept back instead of sent on. */
  hold(): void;
  /** Resolves when held bytes are waiting: a request is in flight on the link. */
  inFlight(): Promise<void>;
  /** Sends what was kept back and everything after. */
  release(): void;
  close(): Promise<void>;
}

/**
 * A TCP link on 127.0.0.1 to a real server (a subgraph, PostgreSQL) that can hold a request on its
 * way, the way a slow network does: a request is then provably in flight while the test acts.
 */
export async function startHeldLink(targetPort: number): Promise<HeldLink> {
  let held = false;
  const waiting: (() => void)[] = [];
  const onHeld: (() => void)[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    client.on('data', (chunk) => {
      if (!held) return void upstream.write(chunk);
      waiting.push(() => upstream.write(chunk));
      onHeld.splice(0).forEach((notify) => notify());
    });
    upstream.on('data', (chunk) => client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    hold: () => {
      held = true;
    },
    inFlight: () => (waiting.length ? Promise.resolve() : new Promise<void>((resolve) => onHeld.push(resolve))),
    release: () => {
      held = false;
      waiting.splice(0).forEach((send) => send());
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
