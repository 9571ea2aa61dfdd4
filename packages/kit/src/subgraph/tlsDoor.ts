import { createServer as createPlainServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { TLSSocket } from 'node:tls';
import type { FastifyRequest } from 'fastify';

/** What the TLS door serves with: PEM texts, read from the files the settings name. */
export interface TlsDoorOptions {
  /** Port; 0 picks a free one. */
  port: number;
  /** The server's certificate (with its chain) and key. */
  cert: string;
  key: string;
  /** The CA (or CAs) that sign the routers' client certificates. */
  clientCa: string;
}

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export interface TlsDoor {
  /** Fastify's `serverFactory`: the app's plain server, whose request handler the TLS door shares. */
  serverFactory(handler: Handler): Server;
  /** Starts the TLS port on `host`; resolves with the port taken. */
  listen(host: string): Promise<number>;
  /** Stops taking connections; `drop` then ends those still open (call it once the app has answered what is in flight). */
  close(): { closed: Promise<void>; drop(): void };
}

/**
 * The same Fastify app on a second port, over TLS, for routers that prove who they are with a client
 * certificate (Apollo Router, Cosmo Router and Hive Gateway do, with configuration alone). The TLS layer
 * asks for a certificate but lets a connection without one (or with one of another CA) through, so a
 * probe still gets /health and /ready; the call guard answers /graphql only when the certificate
 * chained to `clientCa` (`request.socket.authorized`).
 */
export function createTlsDoor(options: TlsDoorOptions): TlsDoor {
  let handler: Handler | undefined;
  const tls = createTlsServer(
    { cert: options.cert, key: options.key, ca: options.clientCa, requestCert: true, rejectUnauthorized: false, minVersion: 'TLSv1.2' },
    (request, response) => handler!(request, response),
  );
  return {
    serverFactory(appHandler) {
      handler = appHandler;
      return createPlainServer(appHandler);
    },
    listen: (host) =>
      new Promise((resolve, reject) => {
        tls.once('error', reject);
        tls.listen(options.port, host, () => {
          tls.off('error', reject);
          const address = tls.address();
          resolve(typeof address === 'object' && address ? address.port : options.port);
        });
      }),
    close() {
      const closed = new Promise<void>((resolve) => {
        if (!tls.listening) return resolve();
        tls.close(() => resolve());
      });
      return { closed, drop: () => tls.closeAllConnections() };
    },
  };
}

/** How a request came in: undefined on the plain port; on the TLS door, whether its client certificate chains to the configured CA. */
export function tlsDoorOf(request: FastifyRequest): { authorized: boolean; presented: boolean } | undefined {
  const socket = request.raw.socket as Partial<TLSSocket>;
  if (socket.encrypted !== true) return undefined;
  const presented = typeof socket.getPeerCertificate === 'function' && Object.keys(socket.getPeerCertificate()).length > 0;
  return { authorized: socket.authorized === true, presented };
}
