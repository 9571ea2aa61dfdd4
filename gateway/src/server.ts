import { importPrivateKey } from '@nlf/contract';
import { createLogger, type Logger } from '@nlf/kit';
import type { FastifyRequest } from 'fastify';
import { createGatewayAuthenticator } from './auth/gatewayAuthenticator';
import type { SecuritySettings } from './auth/settings';
import { useAuthentication } from './auth/useAuthentication';
import { createGatewayResponseCache, type GatewayResponseCacheOptions } from './cache/gatewayResponseCache';
import { EXCHANGE_HEADERS } from './cache/sentReply';
import { viewerSlot } from './cache/viewerSlot';
import type { FederationConfig } from './config';
import { DEFAULT_MAX_BODY_BYTES, useHttpLimits, type HttpLimitsOptions } from './limits/httpLimits';
import { resolveOperationLimits, useOperationLimits, type OperationLimitsOptions } from './limits/operationLimits';
import { useRefusalMemo } from './limits/refusalMemo';
import { useRequestChecks } from './limits/requestChecks';
import { loadManifest, type PersistedOperationManifest } from './operations/manifest';
import { useRegisteredOperations } from './operations/useRegisteredOperations';
import { createGateway } from './pipeline/createGateway';
import { createFederatedGateway } from './pipeline/federatedGateway';
import type { GatewayPlugin } from './pipeline/gatewayPlugin';
import { registerGatewayRoutes } from './pipeline/gatewayRoutes';
import { useInFlightSharing } from './plugins/inFlightSharing/useInFlightSharing';
import { useObservability } from './plugins/observability/useObservability';
import { useReplyKey, useResponseCache } from './plugins/responseCache/useResponseCache';
import { createGatewaySupergraph } from './reload/gatewaySupergraph';
import type { SubgraphUrlVariables } from './settings';
import { createSharedOperations } from './sharing/sharedOperations';
import { createSubgraphAgent } from './subgraphDataSource';

export interface GatewayOptions {
  /**
   * The federation config. Default: none, and then the gateway runs from the supergraph alone (any
   * Federation 2 supergraph): subgraph URLs from the supergraph, no embedded registry.
   */
  config?: FederationConfig;
  /**
   * With a config, where the registry is answered: "embedded" in this process, or "remote" at the
   * config's registry URL, a server of its own (`npm run registry`) that every replica and any other
   * router share. Default: "embedded".
   */
  registry?: 'embedded' | 'remote';
  /** The composed supergraph (gateway/supergraph.graphql). */
  supergraphSdl: string;
  /** Interface to bind. Default: 127.0.0.1. */
  host?: string;
  /** Port; 0 picks a free one. Default: 4000. */
  port?: number;
  /**
   * Proxies in front (addresses, CIDR ranges, or `loopback`, `linklocal`, `uniquelocal`) whose
   * X-Forwarded-For gives the caller's address. Default: none; the address is the connection's.
   */
  trustProxy?: string[];
  /** Subgraph URLs by name, over `subgraphUrlVariables` and the config's. Default: none. */
  subgraphUrls?: Record<string, string>;
  /** NLF_SUBGRAPH_URL_<NAME> variables, over the config's URLs (main.ts passes those set, read by settings.ts). Default: none. */
  subgraphUrlVariables?: SubgraphUrlVariables;
  /** Send stack traces and internal messages to clients. Default: false, whatever NODE_ENV says. */
  debug?: boolean;
  /** Where operational messages go. Default: `logger`. */
  log?: (line: string) => void;
  /** JSON logger (pino). Default: service "gateway", writing to stderr. */
  logger?: Logger;
  /** Operations accepted by id (GET or POST). Default: gateway/persisted-operations.json. */
  persistedOperations?: PersistedOperationManifest;
  /** Seconds a complete answer of a registered operation may be cached. Default: 60. */
  registeredOperationMaxAge?: number;
  /** Token verification and the key that signs subgraph calls. */
  security: SecuritySettings;
  /** Longest a subgraph may take to answer. Default: 10 000 ms. */
  subgraphTimeoutMs?: number;
  /** Depth, alias, cost and fan-out limits of an operation; each one not given keeps its default (DEFAULT_OPERATION_LIMITS). */
  operationLimits?: OperationLimitsOptions;
  /** Most alternatives the query planner may hold for one selection (limits/plannerGuard.ts). Default: 32. */
  plannerPathsLimit?: number;
  /** Body size, batch size and rate limits of a request. Default: see HttpLimitsOptions. */
  httpLimits?: HttpLimitsOptions;
  /** Serve introspection and the landing page. Default: false, the safe side (main.ts passes true unless NODE_ENV is "production"). */
  development?: boolean;
  /** Watch this config file and recompose when it changes. Default: not watched. */
  configPath?: string;
  /** Without a config, watch this supergraph file and load it when it changes. Default: not watched. */
  supergraphPath?: string;
  /** How often watched files are looked at. Default: 1000 ms. */
  reloadIntervalMs?: number;
  /**
   * The response cache for public aggregates (cache/responseCache.ts), checked against the union
   * subgraphs' data versions; false answers everything live. Default: on, with its own defaults.
   */
  responseCache?: boolean | GatewayResponseCacheOptions;
  /**
   * Answer identical requests in flight at the same moment with one execution, and send identical
   * subgraph queries once, among callers of the same role and organisation, never for personal
   * fields or mutations (sharing/sharedOperations.ts, sharing/sharedSubgraphCalls.ts). Default: true.
   */
  inFlightSharing?: boolean;
  /**
   * Requests refused as a whole for a reason the request alone decides, remembered and refused again
   * from their digest without being read (limits/refusalMemo.ts); 0 remembers none. Default: 1000.
   */
  refusalMemoEntries?: number;
  /** Verified tokens remembered with what they came to (@nlf/contract's createAuthenticator). Default: 10 000. */
  rememberedTokens?: number;
}

export interface RunningGateway {
  url: string;
  port: number;
  close(): Promise<void>;
  /** Reloads the watched config or supergraph file now. */
  reload(): Promise<void>;
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const logger = options.logger ?? createLogger({ service: 'gateway' });
  const log = options.log ?? ((line: string) => logger.warn(line));
  const live = createGatewaySupergraph({
    ...options,
    subgraphUrlVariables: options.subgraphUrlVariables ?? {},
    gatewaySigningKey: options.security.gatewaySigningKey,
  }, log);
  const agent = createSubgraphAgent();
  const signingKey = await importPrivateKey(options.security.gatewaySigningKey).catch(() => {
    throw new Error('NLF_GATEWAY_SIGNING_KEY is not an Ed25519 private key in PEM (PKCS8) form');
  });
  const authenticate = await createGatewayAuthenticator(options.security, live, options.rememberedTokens);
  const responseCache = options.responseCache === false
    ? undefined
    : createGatewayResponseCache(live, agent, options.responseCache === true ? {} : options.responseCache);
  // What may be shared follows the personal marks of the supergraph in force.
  const sharedOperations = options.inFlightSharing === false
    ? undefined
    : createSharedOperations(EXCHANGE_HEADERS, { personalFields: () => live.current.personalFields });

  const gateway = createFederatedGateway({
    live,
    agent,
    signingKey,
    subgraphTimeoutMs: options.subgraphTimeoutMs,
    shareSubgraphCalls: options.inFlightSharing !== false,
    responseCache,
    plannerPathsLimit: options.plannerPathsLimit,
    refusalsKept: resolveOperationLimits(options.operationLimits).measureCacheEntries,
    log,
  });

  const manifest = options.persistedOperations ?? loadManifest();
  // Answers are shared only by callers who may see the same things: same role, same organisation.
  const slotOf = (request: FastifyRequest) => viewerSlot(request.viewer);
  // What a request meets, in order: its HTTP hooks in this order, then its Apollo Server plugins in this order.
  const plugins: GatewayPlugin[] = [
    useObservability({ logger }),
    useAuthentication({ authenticate }),
    useHttpLimits({ logger, ...options.httpLimits }),
    // After the rate limit, which a remembered refusal still meets; before everything that reads the request.
    ...(options.refusalMemoEntries === 0 ? [] : [useRefusalMemo({ maxEntries: options.refusalMemoEntries, slotOf, exchangeHeaders: EXCHANGE_HEADERS })]),
    useRequestChecks(),
    useRegisteredOperations({ manifest, maxAge: options.registeredOperationMaxAge }),
    useOperationLimits(options.operationLimits),
    ...(responseCache || sharedOperations ? [useReplyKey({ slotOf })] : []),
    ...(responseCache ? [useResponseCache({ cache: responseCache, exchangeHeaders: EXCHANGE_HEADERS })] : []),
    ...(sharedOperations ? [useInFlightSharing({ operations: sharedOperations })] : []),
  ];
  const server = await createGateway({
    gateway,
    plugins,
    logger,
    debug: options.debug ?? false,
    development: options.development ?? false,
    bodyLimit: options.httpLimits?.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    trustProxy: options.trustProxy,
    routes: (app) => registerGatewayRoutes(app, { live, agent, signingKey, manifest }),
  });
  const app = server.app;

  await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 4000 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 4000);
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/graphql`,
    port,
    close: async () => {
      await server.close();
      await agent.close();
    },
    reload: () => live.reload(),
  };
}
