import { createHash } from 'node:crypto';
import { isRefusalFixedByRequest } from '@nlf/contract';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { replayableHeaders } from '../cache/sentReply';
import type { GatewayPlugin } from '../pipeline/gatewayPlugin';

declare module 'fastify' {
  interface FastifyRequest {
    /** Digest of everything that decides a request's refusal (refusalMemo.ts), when it may have one. */
    refusalKey?: string;
  }
}

export interface RefusalMemoOptions {
  /** Refusals remembered at most; the least recently asked are forgotten first. Default: 1000. */
  maxEntries?: number;
  /**
   * The caller's slot of the key: who may be refused alike (role and organisation). `null` for a
   * request that must never be answered from the memo.
   */
  slotOf: (request: FastifyRequest) => string | null;
  /** Headers of a reply that belong to one exchange only, never replayed. */
  exchangeHeaders: ReadonlySet<string>;
}

export const DEFAULT_REFUSAL_MEMO_ENTRIES = 1000;
/** A refusal larger than this is not remembered (validation messages can quote long names). */
export const MAX_REMEMBERED_REFUSAL_BYTES = 16_384;

/** The remembered refusals, for the supergraph's changes and the tests. */
export interface RefusalMemo {
  /** Forgets every remembered refusal (a new supergraph). */
  clear(): void;
  readonly size: number;
}

interface Refusal {
  payload: Buffer;
  headers: Record<string, string>;
}

/** Request headers that change how a request is read or answered, so they are part of its key. */
const KEYED_HEADERS = ['content-type', 'accept', 'apollo-require-preflight', 'x-apollo-operation-name'] as const;

function digest(request: FastifyRequest, slot: string, body: Buffer | string): string {
  const hash = createHash('sha256').update(slot).update('\0').update(request.method).update('\0');
  for (const name of KEYED_HEADERS) hash.update(String(request.headers[name] ?? '')).update('\0');
  return hash.update(body).digest('base64url');
}

/** Every error of a 400 answer (one result or a batch of them) carries a code the request alone decides. */
function fixedByRequest(payload: string): boolean {
  let body: unknown;
  try {
    body = JSON.parse(payload);
  } catch {
    return false;
  }
  const results = Array.isArray(body) ? body : [body];
  let codes = 0;
  for (const result of results) {
    const errors = (result as { errors?: { extensions?: { code?: unknown } }[] } | null)?.errors ?? [];
    for (const error of errors) {
      if (!isRefusalFixedByRequest(error.extensions?.code)) return false;
      codes += 1;
    }
  }
  return codes > 0;
}

/**
 * Remembers the requests refused as a whole for a reason the request alone decides (a limit, a
 * validation or parse failure, a malformed persisted query: `isRefusalFixedByRequest` in the error
 * catalogue), and answers the same request again from its digest with the same bytes, before its body
 * is parsed and before GraphQL reads it. A hostile request sent over and over then costs about what a
 * cached answer does (bench/HOSTILE.md). The digest covers the caller's slot (role and organisation),
 * the method, the headers that change how a request is read, and the raw body or URL, so only the
 * very same request meets a remembered refusal; the memo is emptied when the supergraph changes,
 * since a new schema can accept what the old one refused.
 *
 * Installs the JSON body parser of the app (Fastify's own, given the raw bytes after the digest), and
 * for the GraphQL route hooks that answer a remembered refusal (place it after authentication and
 * the rate limit, which a remembered refusal still meets) and remember new ones.
 */
export function useRefusalMemo(options: RefusalMemoOptions): GatewayPlugin & { memo: RefusalMemo } {
  const refusals = new LRUCache<string, Refusal>({
    max: options.maxEntries ?? DEFAULT_REFUSAL_MEMO_ENTRIES,
    maxSize: (options.maxEntries ?? DEFAULT_REFUSAL_MEMO_ENTRIES) * MAX_REMEMBERED_REFUSAL_BYTES,
    maxEntrySize: MAX_REMEMBERED_REFUSAL_BYTES,
    sizeCalculation: (refusal) => refusal.payload.length + 1,
  });
  const memo: RefusalMemo = {
    clear: () => refusals.clear(),
    get size() {
      return refusals.size;
    },
  };
  return {
    name: 'refusal memo',
    memo,
    install: (app, path) => {
      const parseJson = app.getDefaultJsonParser('error', 'error');
      app.removeContentTypeParser('application/json');
      app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
        const raw = body as Buffer;
        if (request.routeOptions.url === path) {
          const slot = options.slotOf(request);
          if (slot !== null) {
            request.refusalKey = digest(request, slot, raw);
            // Refused before: the preHandler answers it, so the body is not parsed again.
            if (refusals.has(request.refusalKey)) return done(null, null);
          }
        }
        parseJson(request, raw as unknown as string, done);
      });
    },
    hooks: [{
      onRequest: async (request) => {
        if (request.method !== 'GET') return;
        const slot = options.slotOf(request);
        if (slot !== null) request.refusalKey = digest(request, slot, request.url);
      },
      preHandler: async (request, reply) => {
        if (request.refusalKey === undefined) return;
        const refusal = refusals.get(request.refusalKey);
        if (refusal) return reply.code(400).headers(refusal.headers).send(refusal.payload);
      },
      onSend: async (request: FastifyRequest, reply: FastifyReply, payload) => {
        if (request.refusalKey === undefined || reply.statusCode !== 400 || typeof payload !== 'string') return;
        if (refusals.has(request.refusalKey) || payload.length > MAX_REMEMBERED_REFUSAL_BYTES || !fixedByRequest(payload)) return;
        refusals.set(request.refusalKey, { payload: Buffer.from(payload), headers: replayableHeaders(reply, options.exchangeHeaders) });
      },
    }],
    // A new supergraph can accept what the old one refused.
    onSupergraphChange: () => memo.clear(),
  };
}
