import { CACHE_STATUS_HEADER, requestKey, type ResponseCache } from '../../cache';
import { replayableHeaders } from '../../cache/sentReply';
import type { GatewayPlugin } from '../../pipeline/gatewayPlugin';
import type { FastifyRequest } from 'fastify';

export interface UseReplyKeyOptions {
  /** The caller's slot (role and organisation), or null for a request whose answer is never shared. Required. */
  slotOf(request: FastifyRequest): string | null;
}

/**
 * After authentication and limits: the key under which a request may share an answer with an
 * identical one from a caller of the same role and organisation (response cache, in-flight sharing).
 */
export function useReplyKey(options: UseReplyKeyOptions): GatewayPlugin {
  return {
    name: 'reply key',
    hooks: [{
      preHandler: async (request) => {
        const slot = options.slotOf(request);
        request.cacheSlot = {};
        request.replyKey = slot === null ? undefined : requestKey(request, slot);
      },
    }],
  };
}

export interface UseResponseCacheOptions {
  /** The cache (createResponseCache), whose query-plan hook the gateway also holds. Required. */
  cache: ResponseCache;
  /** Headers of a reply that belong to one exchange only, never kept. Required. */
  exchangeHeaders: ReadonlySet<string>;
}

/**
 * A request Apollo Server answered before gets the same bytes while its subgraphs' data is
 * unchanged; a complete new answer is kept. Comes after useReplyKey, which keys the request.
 */
export function useResponseCache(options: UseResponseCacheOptions): GatewayPlugin {
  const { cache, exchangeHeaders } = options;
  return {
    name: 'response cache',
    hooks: [{
      preHandler: async (request, reply) => {
        if (request.replyKey === undefined) return;
        const kept = await cache.replyFor(request.replyKey);
        if (!kept) return;
        return reply.headers(kept.headers).header(CACHE_STATUS_HEADER, 'hit').send(kept.payload);
      },
      onSend: async (request, reply, payload) => {
        if (request.replyKey === undefined || !request.cacheSlot?.stamps || reply.statusCode !== 200 || typeof payload !== 'string') return;
        cache.keepReply(request.replyKey, request.cacheSlot, { payload: Buffer.from(payload), headers: replayableHeaders(reply, exchangeHeaders) });
      },
    }],
    apolloPlugins: [cache.plugin],
    // A new supergraph can change what a query means (a union joined): start afresh.
    onSupergraphChange: () => cache.clear(),
    close: () => cache.close(),
  };
}
