import { readFileSync } from 'node:fs';
import { Agent } from 'undici';

export interface RouterIdentity {
  /** PEM of the client certificate a router presents, and its key. */
  cert: string;
  key: string;
}

export interface TlsAnswer {
  status: number;
  headers: Headers;
  body: { data?: any; errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[]; [key: string]: unknown };
}

/**
 * Calls a subgraph's TLS door as a router does: trusting the CA in `caFile`, presenting `identity`
 * (or no certificate), forwarding the caller's Authorization. Through the global fetch, so every
 * answer is scanned for internal text like any other the tests receive.
 */
export function routerClient(caFile: string, identity?: RouterIdentity) {
  const agent = new Agent({ connect: { ca: readFileSync(caFile, 'utf8'), ...identity } });
  const call = async (url: string, init: RequestInit = {}): Promise<TlsAnswer> => {
    const response = await fetch(url, { ...init, dispatcher: agent } as RequestInit);
    return { status: response.status, headers: response.headers, body: (await response.json()) as TlsAnswer['body'] };
  };
  return {
    /** POSTs a GraphQL body; `bearer`, when given, is sent as `Authorization: Bearer <bearer>`. */
    post: (url: string, body: string, bearer?: string, headers: Record<string, string> = {}) =>
      call(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...headers },
        body,
      }),
    get: (url: string) => call(url),
    close: () => agent.close(),
  };
}

/** The identity in two PEM files, as a router's configuration names them. */
export function identityFromFiles(certFile: string, keyFile: string): RouterIdentity {
  return { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') };
}
