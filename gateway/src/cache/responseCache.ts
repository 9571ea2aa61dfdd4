import type { ApolloServerPlugin, GraphQLRequestContext, GraphQLResponse } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import type { Dispatcher } from 'undici';
import type { GraphQLDataSource } from '@apollo/gateway';
import { LRUCache } from 'lru-cache';
import { createShareableCheck, type PersonalFieldsSource } from './cachePolicy';
import { createDataVersions, type Stamps } from './dataVersions';
import type { SentReply } from './sentReply';

/** Response header saying how an answer was made: `hit`, `miss` (stored), `live` (not cacheable). */
export const CACHE_STATUS_HEADER = 'x-nlf-cache';

export interface ResponseCacheOptions {
  /**
   * Subgraph name → GraphQL URL of every subgraph whose data can change. An answer that used one is
   * checked against that subgraph's /data-version on every read. Subgraphs not listed (the registry,
   * generated from the config) are taken as unchanging. Required.
   */
  subgraphUrls: Record<string, string> | (() => Record<string, string>);
  /** Connection pool for the version reads. Default: undici's global dispatcher. */
  dispatcher?: Dispatcher;
  /** The fields the supergraph in force marks personal: an operation selecting one is never cached. Required. */
  personalFields: PersonalFieldsSource;
  /**
   * The caller's role, part of the cache key; null answers live. Default: "anonymous" for a request
   * without an Authorization header and null for one with it, so that until roles exist only
   * anonymous requests share answers.
   */
  roleOf?: (headers: ReadonlyMap<string, string>, contextValue: unknown) => string | null;
  /**
   * Most replies kept; the least recently used goes first. A reply is kept under its operation and
   * under each form of HTTP request it was sent for, each counting one. Default: 1000.
   */
  maxEntries?: number;
  /** How long a version read may take before the request is answered live. Default: 2000 ms. */
  versionTimeoutMs?: number;
  /**
   * How a cached answer is known to be current. "announced": each subgraph's data version is followed
   * as the subgraph announces it (PostgreSQL NOTIFY, delivered on commit, over /data-version/events),
   * so a hit asks nobody; a change made through this gateway is applied before its answer is sent, a
   * change made elsewhere (a reseed, another gateway) as soon as its announcement arrives, about a
   * millisecond after the commit. While a subgraph's stream is down its versions are read as in
   * "checked". "checked": every read asks each subgraph its version, so no caller can see an answer
   * older than a commit made before it asked, at one version read per subgraph and request.
   * Default: "announced".
   */
  freshness?: 'announced' | 'checked';
}

export interface ResponseCacheStats {
  hits: number;
  misses: number;
  live: number;
  /** Replies kept now, under operations and under HTTP requests. */
  entries: number;
  /** Version reads sent to subgraphs (each one SQL statement there). */
  versionReads: number;
  /** Data versions the subgraphs announced (first of each connection included). */
  versionsAnnounced: number;
  /** Hits answered before GraphQL ran: same request, same role and organisation, versions unchanged. */
  shortcutHits: number;
}

/**
 * Per request: filled by the plugin with the reply it kept or served, so that the HTTP layer can keep
 * the bytes that went out under the request's own key (see ResponseCache.replyFor).
 */
export interface CacheSlot {
  stamps?: Stamps;
  result?: FormattedExecutionResult;
}

export interface ResponseCache {
  /** The Apollo Server plugin that answers from and fills the cache. */
  plugin: ApolloServerPlugin;
  /** Give to ApolloGateway's `experimental_didResolveQueryPlan`: it records which subgraphs an answer used. */
  didResolveQueryPlan: (options: { serviceMap: Record<string, GraphQLDataSource>; requestContext: { context: object } }) => void;
  stats(): ResponseCacheStats;
  /** Forgets every reply: for a new supergraph, where the same query may mean something else. */
  clear(): void;
  /**
   * The reply kept under an HTTP request's key (see requestKey.ts), if every subgraph it came from
   * is unchanged (by the same freshness rule as the plugin). Answers without running GraphQL at all.
   */
  replyFor(requestKey: string): Promise<SentReply | undefined>;
  /** Keeps a reply the plugin stored or served (its slot says so) under the request's key. */
  keepReply(requestKey: string, slot: CacheSlot, reply: SentReply): void;
  /** Stops following the subgraphs' data versions. */
  close(): void;
}

/**
 * An answer kept with the data versions it was computed at. Under an operation's key it is given to
 * Apollo Server for any request of that operation; under an HTTP request's key it also holds the
 * bytes that went out, sent again before GraphQL runs.
 */
interface KeptReply {
  stamps: Stamps;
  result: FormattedExecutionResult;
  sent?: SentReply;
}

/** The slot a request's context carries for the cache (GatewayContext.cacheSlot). */
const slotOf = (contextValue: unknown): CacheSlot =>
  (contextValue as { cacheSlot?: CacheSlot } | undefined)?.cacheSlot ?? {};

const defaultRoleOf = (headers: ReadonlyMap<string, string>) => (headers.has('authorization') ? null : 'anonymous');

/** The two kinds of key of the one cache, never equal. */
const operationKey = (key: string) => `operation:${key}`;
const httpKey = (key: string) => `request:${key}`;

/**
 * A response cache for public aggregates (comparisons, dashboards' indicators), which are the same
 * for every caller of a role and change rarely. A reply is reused only while the data version of
 * every subgraph it came from is unchanged, read after the request arrived (see DataVersionProbe):
 * once a change is committed, no caller gets the old answer. Answers with errors are never kept.
 */
export function createResponseCache(options: ResponseCacheOptions): ResponseCache {
  // Looked up on every use: a subgraph that joins by a config change is version-checked too.
  const urlsOf = typeof options.subgraphUrls === 'function' ? options.subgraphUrls : () => options.subgraphUrls as Record<string, string>;
  const versions = createDataVersions({
    subgraphUrls: urlsOf,
    dispatcher: options.dispatcher,
    timeoutMs: options.versionTimeoutMs ?? 2000,
    announced: (options.freshness ?? 'announced') === 'announced',
  });
  const isShareable = createShareableCheck(options.personalFields);
  const roleOf = options.roleOf ?? defaultRoleOf;
  const kept = new LRUCache<string, KeptReply>({ max: options.maxEntries ?? 1000 });
  const planSubgraphs = new WeakMap<object, Set<string>>();
  const counts = { hits: 0, misses: 0, live: 0, shortcutHits: 0 };

  const cacheKey = (context: GraphQLRequestContext<object>): string | null => {
    const { document, operation, queryHash } = context;
    if (!document || !operation || !queryHash) return null;
    if (!isShareable(queryHash, () => ({ document, operation }))) return null;
    const role = roleOf(context.request.http?.headers ?? new HeaderMap(), context.contextValue);
    if (role === null) return null;
    return operationKey(JSON.stringify([role, queryHash, context.operationName ?? null, context.request.variables ?? {}]));
  };

  const plugin: ApolloServerPlugin = {
    async requestDidStart() {
      let status: 'hit' | 'miss' | 'live' = 'live';
      let key: string | null = null;
      let stampsBefore: Map<string, string> | undefined;
      return {
        async responseForOperation(context) {
          key = cacheKey(context as GraphQLRequestContext<object>);
          if (key === null) return null;
          const reply = kept.get(key);
          if (reply) {
            if (await versions.unchanged(reply.stamps)) {
              status = 'hit';
              Object.assign(slotOf(context.contextValue), { stamps: reply.stamps, result: reply.result });
              const response: GraphQLResponse = {
                http: { status: undefined, headers: new HeaderMap() },
                body: { kind: 'single', singleResult: reply.result },
              };
              return response;
            }
            kept.delete(key);
          }
          status = 'miss';
          stampsBefore = await versions.read(Object.keys(urlsOf()));
          return null;
        },
        async willSendResponse(context) {
          context.response.http.headers.set(CACHE_STATUS_HEADER, status);
          if (context.operation?.operation === 'mutation') {
            versions.changedBy(planSubgraphs.get(context.contextValue as object) ?? Object.keys(urlsOf()));
          }
          if (status === 'hit') counts.hits += 1;
          else if (status === 'live') counts.live += 1;
          if (status !== 'miss' || key === null || !stampsBefore) return;
          counts.misses += 1;
          const body = context.response.body;
          if (body.kind !== 'single' || body.singleResult.errors?.length || !body.singleResult.data) return;
          const used = planSubgraphs.get(context.contextValue as object);
          if (!used) return;
          const stamps = new Map<string, string>();
          for (const name of used) {
            if (!urlsOf()[name]) continue;
            const stamp = stampsBefore.get(name);
            // A subgraph whose version could not be read cannot vouch for the answer later.
            if (stamp === undefined) return;
            stamps.set(name, stamp);
          }
          const reply: KeptReply = { stamps, result: body.singleResult };
          kept.set(key, reply);
          Object.assign(slotOf(context.contextValue), reply);
        },
      };
    },
  };

  return {
    plugin,
    didResolveQueryPlan: ({ serviceMap, requestContext }) => {
      // A plan names every subgraph an abstract type could lead to (organisation(id) plans a fetch
      // to each union), but only the ones called matter: the gateway builds this map for each
      // request and runs the plan with it, so wrapping its entries records the calls made.
      const used = new Set<string>();
      planSubgraphs.set(requestContext.context, used);
      for (const [name, source] of Object.entries(serviceMap)) {
        if (!urlsOf()[name]) continue;
        serviceMap[name] = {
          process: (processOptions) => {
            used.add(name);
            return source.process(processOptions);
          },
        };
      }
    },
    stats: () => ({
      hits: counts.hits,
      misses: counts.misses,
      live: counts.live,
      entries: kept.size,
      versionReads: versions.reads(),
      versionsAnnounced: versions.announcements(),
      shortcutHits: counts.shortcutHits,
    }),
    clear: () => kept.clear(),
    replyFor: async (requestKey) => {
      const reply = kept.get(httpKey(requestKey));
      if (!reply?.sent || !(await versions.unchanged(reply.stamps))) return undefined;
      counts.shortcutHits += 1;
      return reply.sent;
    },
    keepReply: (requestKey, slot, sent) => {
      if (!slot.stamps || !slot.result) return;
      kept.set(httpKey(requestKey), { stamps: slot.stamps, result: slot.result, sent });
    },
    close: () => versions.close(),
  };
}
