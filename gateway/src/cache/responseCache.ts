import type { ApolloServerPlugin, GraphQLRequestContext, GraphQLResponse } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import type { Dispatcher } from 'undici';
import type { GraphQLDataSource } from '@apollo/gateway';
import { DEFAULT_PERSONAL_FIELDS, isShareableQuery } from './cachePolicy';
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
  /** Field names that return personal data; an operation selecting one is never cached. Default: DEFAULT_PERSONAL_FIELDS. */
  personalFields?: readonly string[];
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
}

export interface ResponseCacheStats {
  hits: number;
  misses: number;
  live: number;
  entries: number;
  /** Version reads sent to subgraphs (each one SQL statement there). */
  versionReads: number;
}

export interface ResponseCache {
  /** The Apollo Server plugin that answers from and fills the cache. */
  plugin: ApolloServerPlugin;
  /** Give to ApolloGateway's `experimental_didResolveQueryPlan`: it records which subgraphs an answer used. */
  didResolveQueryPlan: (options: { serviceMap: Record<string, GraphQLDataSource>; requestContext: { context: object } }) => void;
  stats(): ResponseCacheStats;
  /** Forgets every answer: for a new supergraph, where the same query may mean something else. */
  clear(): void;
}

interface Entry {
  result: FormattedExecutionResult;
  /** Data version of every subgraph the answer used, read before it was computed. */
  versions: Map<string, string>;
}

const defaultRoleOf = (headers: ReadonlyMap<string, string>) => (headers.has('authorization') ? null : 'anonymous');

/**
 * A response cache for public aggregates (comparisons, dashboards' indicators), which are the same
 * for every caller of a role and change rarely. An answer is reused only while the data version of
 * every subgraph it came from is unchanged, read after the request arrived (see DataVersionProbe):
 * once a change is committed, no caller gets the old answer. Answers with errors are never stored.
 */
export function createResponseCache(options: ResponseCacheOptions): ResponseCache {
  const timeout = options.versionTimeoutMs ?? 2000;
  // Looked up on every use: a subgraph that joins by a config change is version-checked too.
  const urlsOf = typeof options.subgraphUrls === 'function' ? options.subgraphUrls : () => options.subgraphUrls as Record<string, string>;
  const probes = new Map<string, { url: string; probe: DataVersionProbe }>();
  const probeFor = (name: string): DataVersionProbe | undefined => {
    const url = urlsOf()[name];
    if (!url) return undefined;
    let known = probes.get(name);
    if (!known || known.url !== url) {
      known = { url, probe: new DataVersionProbe(dataVersionUrl(url), options.dispatcher, timeout) };
      probes.set(name, known);
    }
    return known.probe;
  };
  const personalFields = new Set(options.personalFields ?? DEFAULT_PERSONAL_FIELDS);
  const roleOf = options.roleOf ?? defaultRoleOf;
  const entries = new LruMap<string, Entry>(options.maxEntries ?? 1000);
  const shareable = new LruMap<string, boolean>(1000);
  const planSubgraphs = new WeakMap<object, Set<string>>();
  const counts = { hits: 0, misses: 0, live: 0 };

  /** Fresh versions of the named subgraphs; a subgraph that cannot say is left out. */
  const readVersions = async (names: Iterable<string>): Promise<Map<string, string>> => {
    const reads = [...names].flatMap((name) => {
      const probe = probeFor(name);
      return probe ? [probe.fresh().then((version) => [name, version] as const, () => null)] : [];
    });
    return new Map((await Promise.all(reads)).filter((read) => read !== null));
  };

  const cacheKey = (context: GraphQLRequestContext<object>): string | null => {
    const { document, operation, queryHash } = context;
    if (!document || !operation || !queryHash) return null;
    let isShareable = shareable.get(queryHash);
    if (isShareable === undefined) {
      isShareable = isShareableQuery(document, operation, personalFields);
      shareable.set(queryHash, isShareable);
    }
    if (!isShareable) return null;
    const role = roleOf(context.request.http?.headers ?? new HeaderMap(), context.contextValue);
    if (role === null) return null;
    return JSON.stringify([role, queryHash, context.operationName ?? null, context.request.variables ?? {}]);
  };

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
            const unchanged = [...entry.versions].every(([name, version]) => current.get(name) === version);
            if (unchanged) {
              status = 'hit';
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
      versionReads: [...probes.values()].reduce((sum, known) => sum + known.probe.readCount(), 0),
    }),
    clear: () => entries.clear(),
  };
}
