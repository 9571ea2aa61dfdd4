import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The header that carries a request's id from the client through the gateway to every subgraph. */
export const REQUEST_ID_HEADER = 'x-request-id';

// An id a client sends is echoed into logs and headers: only a short, plain token is taken.
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

/** For Fastify's genReqId: the caller's x-request-id when it is a plain token, else a new UUID. */
export function requestIdOf(request: IncomingMessage): string {
  const header = request.headers[REQUEST_ID_HEADER];
  const value = Array.isArray(header) ? header[0] : header;
  return value && ACCEPTABLE.test(value) ? value : randomUUID();
}
