import type { IncomingHttpHeaders } from 'node:http';

/** What an HTTP request to /graphql consists of, as far as its answer can depend on it. */
export interface KeyedRequest {
  method: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body of a POST. */
  body?: unknown;
  /** The parsed query string of a GET. */
  query?: unknown;
}

/**
 * A key under which the serialised answer to an HTTP request can be kept and sent again without
 * running GraphQL: the caller's role and organisation, the method, the headers Apollo Server reads
 * to decide what to answer (content negotiation, CSRF prevention) and the GraphQL parameters
 * exactly as sent. Two requests with the same key get the same answer from Apollo Server, so a
 * decision it made (a refusal, a registered-operations-only rule) is made the same for both.
 * Undefined for a batch or a request without the parameters.
 */
export function requestKey(request: KeyedRequest, role: string): string | undefined {
  const params = request.method === 'GET' ? request.query : request.method === 'POST' ? request.body : undefined;
  if (!params || typeof params !== 'object' || Array.isArray(params)) return undefined;
  const { headers } = request;
  return JSON.stringify([
    role,
    request.method,
    headers.accept ?? '',
    headers['content-type'] ?? '',
    headers['apollo-require-preflight'] ?? '',
    headers['x-apollo-operation-name'] ?? '',
    params,
  ]);
}
