import type { ApolloServerPlugin, GraphQLRequestContext, GraphQLResponse } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import type { Dispatcher } from 'undici';
import type { GraphQLDataSource } from '@apollo/gateway';
import { createShareableCheck, type PersonalFieldsSource } from './cachePolicy';
import { DataVersionFeed, dataVersionEventsUrl } from './dataVersionFeed';
import { DataVersionProbe, dataVersionUrl } from './dataVersionProbe';
import { LruMap } from './lruMap';

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
  /** Most answers kept; the least recently used goes first. Default: 1000. */
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
  entries: number;
  /** Version reads sent to subgraphs (each one SQL statement there). */
  versionReads: number;
  /** Data versions the subgraphs announced (first of each connection included). */
  versionsAnnounced: number;
  /** Hits answered before GraphQL ran: same request, same role and organisation, versions unchanged. */
  shortcutHits: number;
}

/** A serialised answer, ready to be sent again to a request that would get the same one. */
export interface StoredReply {
  /** The serialised answer, encoded once: every hit sends the same bytes. */
  payload: Buffer;
  headers: Record<string, string>;
}

/**
 * Per request: filled by the plugin with what a stored answer depends on, so that the HTTP layer
 * can keep the serialised reply under the request's own key (see ResponseCache.replyFor).
 */
export interface CacheSlot {
  stamps?: Map<string, string>;
}

export interface ResponseCache {
  /** The Apollo Server plugin that answers from and fills the cache. */
  plugin: ApolloServerPlugin;
  /** Give to ApolloGateway's `experimental_didResolveQueryPlan`: it records which subgraphs an answer used. */
  didResolveQueryPlan: (options: { serviceMap: Record<string, GraphQLDataSource>; requestContext: { context: object } }) => void;
  stats(): ResponseCacheStats;
  /** Forgets every answer: for a new supergraph, where the same query may mean something else. */
  clear(): void;
  /**
   * The reply kept under an HTTP request's key (see requestKey.ts), if every subgraph it came from
   * is unchanged (by the same freshness rule as the plugin). Answers without running GraphQL at all.
   */
  replyFor(requestKey: string): Promise<StoredReply | undefined>;
  /** Keeps a reply the plugin stored or served (its slot says so) under the request's key. */
  keepReply(requestKey: string, slot: CacheSlot, reply: StoredReply): void;
  /** Stops following the subgraphs' data versions. */
  close(): void;
}

interface Entry {
  result: FormattedExecutionResult;
  /** Data version of every subgraph the answer used, read before it was computed. */
  versions: Map<string, string>;
}

/** The slot a request's context carries for the cache (GatewayContext.cacheSlot). */
const slotOf = (contextValue: unknown): CacheSlot =>
  (contextValue as { cacheSlot?: CacheSlot } | undefined)?.cacheSlot ?? {};

const defaultRoleOf = (headers: ReadonlyMap<string, string>) => (headers.has('authorization') ? null : 'anonymous');

/**
 * A response cache for public aggregates (comparisons, dashboards' indicators), which are the same
 * for every caller of a role and change rarely. An answer is reused only while the data version of
 * every subgraph it came from is unchanged, read after the request arrived (see DataVersionProbe):
 * once a change is committed, no caller gets the old answer. Answers with errors are never stored.
 */
export function createResponseCache(options: ResponseCacheOptions): ResponseCache {
  const timeout = options.versionTimeoutMs ?? 2000;
  const announced = (options.freshness ?? 'announced') === 'announced';
  // Looked up on every use: a subgraph that joins by a config change is version-checked too.
  const urlsOf = typeof options.subgraphUrls === 'function' ? options.subgraphUrls : () => options.subgraphUrls as Record<string, string>;
  const sources = new Map<string, { url: string; probe: DataVersionProbe; feed?: DataVersionFeed }>();
  const sourceFor = (name: string) => {
    const url = urlsOf()[name];
    if (!url) return undefined;
    let known = sources.get(name);
    if (!known || known.url !== url) {
      known?.feed?.close();
      known = {
        url,
        probe: new DataVersionProbe(dataVersionUrl(url), options.dispatcher, timeout),
        feed: announced ? new DataVersionFeed({ url: dataVersionEventsUrl(url), dispatcher: options.dispatcher }) : undefined,
      };
      sources.set(name, known);
    }
    return known;
  };
  // Bumped when a mutation through this gateway used the subgraph, before its answer is sent: what
  // was stamped before cannot match, even before the subgraph's announcement arrives.
  const generations = new Map<string, number>();
  const generationOf = (name: string) => generations.get(name) ?? 0;
  const isShareable = createShareableCheck(options.personalFields);
  const roleOf = options.roleOf ?? defaultRoleOf;
  const entries = new LruMap<string, Entry>(options.maxEntries ?? 1000);
  const planSubgraphs = new WeakMap<object, Set<string>>();
  const counts = { hits: 0, misses: 0, live: 0 };

  /** The stamp of a followed subgraph's announced version, known without asking; undefined if not followed. */
  const followedStamp = (name: string): string | undefined => {
    const version = sourceFor(name)?.feed?.current();
    return version === undefined ? undefined : `${generationOf(name)}:${version}`;
  };
  /**
   * Current stamps of the named subgraphs: announced where followed, else read after this call. A
   * subgraph that cannot say is left out.
   */
  const readVersions = async (names: Iterable<string>): Promise<Map<string, string>> => {
    const reads = [...names].map(async (name): Promise<[string, string] | null> => {
      const source = sourceFor(name);
      if (!source) return null;
      const followed = followedStamp(name);
      if (followed !== undefined) return [name, followed];
      const generation = generationOf(name);
      try {
        return [name, `${generation}:read:${await source.probe.fresh()}`];
      } catch {
        return null;
      }
    });
    return new Map((await Promise.all(reads)).filter((read) => read !== null));
  };
  const replies = new LruMap<string, { reply: StoredReply; stamps: Map<string, string> }>(options.maxEntries ?? 1000);
  let shortcutHits = 0;

  const cacheKey = (context: GraphQLRequestContext<object>): string | null => {
    const { document, operation, queryHash } = context;
    if (!document || !operation || !queryHash) return null;
    if (!isShareable(queryHash, () => ({ document, operation }))) return null;
    const role = roleOf(context.request.http?.headers ?? new HeaderMap(), context.contextValue);
    if (role === null) return null;
    return JSON.stringify([role, queryHash, context.operationName ?? null, context.request.variables ?? {}]);
  };

  const sameStamps = (a: Map<string, string>, b: Map<string, string>) =>
    a.size === b.size && [...a].every(([name, stamp]) => b.get(name) === stamp);

  const plugin: ApolloServerPlugin = {
    async requestDidStart() {
      let status: 'hit' | 'miss' | 'live' = 'live';
      let key: string | null = null;
      let versionsBefore: Map<string, string> | undefined;
      return {
        async responseForOperation(context) {
          key = cacheKey(context as GraphQLRequestContext<object>);
          if (key === null) return null;
          const entry = entries.get(key);
          if (entry) {
            const current = await readVersions(entry.versions.keys());
            if (sameStamps(entry.versions, current)) {
              status = 'hit';
              slotOf(context.contextValue).stamps = entry.versions;
              const response: GraphQLResponse = {
                http: { status: undefined, headers: new HeaderMap() },
                body: { kind: 'single', singleResult: entry.result },
              };
              return response;
            }
            entries.delete(key);
          }
          status = 'miss';
          versionsBefore = await readVersions(Object.keys(urlsOf()));
          return null;
        },
        async willSendResponse(context) {
          context.response.http.headers.set(CACHE_STATUS_HEADER, status);
          if (context.operation?.operation === 'mutation') {
            const used = planSubgraphs.get(context.contextValue as object) ?? new Set(Object.keys(urlsOf()));
            for (const name of used) generations.set(name, generationOf(name) + 1);
          }
          if (status === 'hit') counts.hits += 1;
          else if (status === 'live') counts.live += 1;
          if (status !== 'miss' || key === null || !versionsBefore) return;
          counts.misses += 1;
          const body = context.response.body;
          if (body.kind !== 'single' || body.singleResult.errors?.length || !body.singleResult.data) return;
          const used = planSubgraphs.get(context.contextValue as object);
          if (!used) return;
          const versions = new Map<string, string>();
          for (const name of used) {
            if (!urlsOf()[name]) continue;
            const version = versionsBefore.get(name);
            // A subgraph whose version could not be read cannot vouch for the answer later.
            if (version === undefined) return;
            versions.set(name, version);
          }
          entries.set(key, { result: body.singleResult, versions });
          slotOf(context.contextValue).stamps = versions;
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
      ...counts,
      entries: entries.size,
      versionReads: [...sources.values()].reduce((sum, known) => sum + known.probe.readCount(), 0),
      versionsAnnounced: [...sources.values()].reduce((sum, known) => sum + (known.feed?.announced() ?? 0), 0),
      shortcutHits,
    }),
    clear: () => {
      entries.clear();
      replies.clear();
    },
    replyFor: async (requestKey) => {
      const kept = replies.get(requestKey);
      if (!kept) return undefined;
      // The common case, every subgraph followed, compared without building anything.
      let followed = true;
      for (const [name, stamp] of kept.stamps) {
        const current = followedStamp(name);
        if (current === undefined) {
          followed = false;
          break;
        }
        if (stamp !== current) return undefined;
      }
      if (!followed && !sameStamps(kept.stamps, await readVersions(kept.stamps.keys()))) return undefined;
      shortcutHits += 1;
      return kept.reply;
    },
    keepReply: (requestKey, slot, reply) => {
      if (!slot.stamps) return;
      replies.set(requestKey, { reply, stamps: slot.stamps });
    },
    close: () => {
      for (const source of sources.values()) source.feed?.close();
    },
  };
}
