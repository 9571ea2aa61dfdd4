import { LocalGraphQLDataSource } from '@apollo/gateway';
import { importPrivateKey, type Viewer } from '@nlf/contract';
import { createLogger, REQUEST_ID_HEADER, type Logger } from '@nlf/kit';
import type { FastifyRequest } from 'fastify';
import { createAuthenticator } from './auth/authenticate';
import type { SecuritySettings } from './auth/settings';
import { useAuthentication } from './auth/useAuthentication';
import { createResponseCache, type ResponseCacheOptions } from './cache';
import { allSubgraphs, REGISTRY_NAME, urlVariable, type FederationConfig } from './config';
import { registerDashboardRoutes } from './dashboard/routes';
import { registerHealthRoutes } from './health';
import { createInFlightOperations } from './inflightOperations';
import { createShareableSubgraphQuery, InFlightRequests } from './inflightRequests';
import { DEFAULT_MAX_BODY_BYTES, useHttpLimits, type HttpLimitsOptions } from './limits/httpLimits';
import { resolveOperationLimits, useOperationLimits, type OperationLimitsOptions } from './limits/operationLimits';
import { DEFAULT_PLANNER_PATHS_LIMIT, GuardedGateway } from './limits/plannerGuard';
import { useRefusalMemo } from './limits/refusalMemo';
import { useRequestChecks } from './limits/requestChecks';
import { loadManifest, type PersistedOperationManifest } from './operations/manifest';
import { useRegisteredOperations } from './operations/useRegisteredOperations';
import { createGateway } from './pipeline/createGateway';
import type { GatewayPlugin } from './pipeline/gatewayPlugin';
import { useInFlightSharing } from './plugins/inFlightSharing/useInFlightSharing';
import { useObservability } from './plugins/observability/useObservability';
import { useReplyKey, useResponseCache } from './plugins/responseCache/useResponseCache';
import { LiveSupergraph } from './reload/liveSupergraph';
import { isProduction, readSubgraphUrlVariables, type SubgraphUrlVariables } from './settings';
import { createSubgraphAgent, SubgraphDataSource, type GatewayContext } from './subgraphDataSource';
import { supergraphSubgraphUrls } from './supergraphFile';

/** Headers of a kept reply that belong to one exchange only, never sent again. */
const EXCHANGE_HEADERS = new Set(['content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding', 'set-cookie', REQUEST_ID_HEADER]);

export interface GatewayOptions {
  /**
   * The federation config. Default: none, and then the gateway runs from the supergraph alone (any
   * Federation 2 supergraph): subgraph URLs from the supergraph, no embedded registry.
   */
  config?: FederationConfig;
  /** The composed supergraph (gateway/supergraph.graphql). */
  supergraphSdl: string;
  /** Interface to bind. Default: 127.0.0.1. */
  host?: string;
  /** Port; 0 picks a free one. Default: 4000. */
  port?: number;
  /** Subgraph URLs by name, over `subgraphUrlVariables` and the config's. Default: none. */
  subgraphUrls?: Record<string, string>;
  /** NLF_SUBGRAPH_URL_<NAME> variables, over the config's URLs. Default: those set in the environment (settings.ts). */
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
  /** Serve introspection and the landing page. Default: true unless NODE_ENV is "production". */
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
  responseCache?: boolean | Omit<ResponseCacheOptions, 'subgraphUrls' | 'dispatcher' | 'roleOf' | 'personalFields'>;
  /**
   * Answer identical requests in flight at the same moment with one execution, and send identical
   * subgraph queries once, among callers of the same role and organisation, never for personal
   * fields or mutations (inflightOperations.ts, inflightRequests.ts). Default: true.
   */
  inFlightSharing?: boolean;
  /**
   * Requests refused as a whole for a reason the request alone decides, remembered and refused again
   * from their digest without being read (limits/refusalMemo.ts); 0 remembers none. Default: 1000.
   */
  refusalMemoEntries?: number;
  /** Verified tokens remembered with what they came to (auth/authenticate.ts). Default: 10 000. */
  rememberedTokens?: number;
}

export interface RunningGateway {
  url: string;
  port: number;
  close(): Promise<void>;
  /** Reloads the watched config or supergraph file now. */
  reload(): Promise<void>;
}

/** Subgraph name → URL: explicit option, then environment, then config; the supergraph's own URLs are never used. */
export function resolveSubgraphUrls(config: FederationConfig, overrides: Record<string, string> = {}, variables: SubgraphUrlVariables = {}) {
  const urls: Record<string, string> = {};
  for (const subgraph of [{ name: REGISTRY_NAME, url: config.registry.url }, ...allSubgraphs(config)]) {
    urls[subgraph.name] = overrides[subgraph.name] ?? variables[urlVariable(subgraph.name)] ?? subgraph.url;
  }
  return urls;
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const logger = options.logger ?? createLogger({ service: 'gateway' });
  const log = options.log ?? ((line: string) => logger.warn(line));
  const variables = options.subgraphUrlVariables ?? readSubgraphUrlVariables();
  const urls = options.config
    ? resolveSubgraphUrls(options.config, options.subgraphUrls, variables)
    : supergraphSubgraphUrls(options.supergraphSdl, options.subgraphUrls, variables);
  // With a config the registry is served inside the gateway process, from the config alone.
  const embeddedRegistry = Boolean(options.config);
  const agent = createSubgraphAgent();
  const inFlight = options.inFlightSharing === false ? undefined : new InFlightRequests();
  // What may be cached or shared follows the personal marks of the supergraph in force.
  const personalFields = () => live.current.personalFields;
  const shareableSubgraphQuery = createShareableSubgraphQuery(personalFields);
  const inFlightOperations = options.inFlightSharing === false ? undefined : createInFlightOperations(EXCHANGE_HEADERS, { personalFields });
  const live = new LiveSupergraph({
    config: options.config,
    configPath: options.configPath,
    supergraphSdl: options.supergraphSdl,
    supergraphPath: options.supergraphPath,
    urls,
    resolveUrls: (config) => resolveSubgraphUrls(config, options.subgraphUrls, variables),
    subgraphUrlVariables: variables,
    signingKey: options.security.gatewaySigningKey,
    intervalMs: options.reloadIntervalMs,
    log,
  });
  const signingKey = await importPrivateKey(options.security.gatewaySigningKey).catch(() => {
    throw new Error('NLF_GATEWAY_SIGNING_KEY is not an Ed25519 private key in PEM (PKCS8) form');
  });
  const authenticate = await createAuthenticator({
    issuer: options.security.issuer,
    audience: options.security.audience,
    jwksUrl: options.security.jwksUrl,
    publicKey: options.security.issuerPublicKey,
    rememberedTokens: options.rememberedTokens,
    // The config in force, so a union that joins by a config change is known at once.
    isOrganisation: (id) => {
      const config = live.current.config;
      return !config || config.subgraphs.some((subgraph) => subgraph.organisations.some((org) => org.id === id));
    },
  });

  // Answers are shared only by callers who may see the same things: same role, same organisation.
  let versionedFor: unknown;
  let versionedUrls: Record<string, string> = {};
  const roleOfViewer = (viewer: Viewer | undefined) => (viewer ? `${viewer.role}:${viewer.organisationId ?? ''}` : null);
  const responseCache =
    options.responseCache === false
      ? undefined
      : createResponseCache({
          ...(options.responseCache === true ? {} : options.responseCache),
          // Every subgraph but the registry, whose answers follow from the config alone.
          subgraphUrls: () => {
            // Asked on every cached read: derived once per supergraph in force.
            if (versionedFor !== live.current) {
              const { [REGISTRY_NAME]: _registry, ...subgraphs } = live.current.urls;
              versionedFor = live.current;
              versionedUrls = subgraphs;
            }
            return versionedUrls;
          },
          personalFields,
          roleOf: (_headers, contextValue) => roleOfViewer((contextValue as GatewayContext | undefined)?.viewer),
          dispatcher: agent,
        });

  const gateway = new GuardedGateway({
    pathsLimit: options.plannerPathsLimit ?? DEFAULT_PLANNER_PATHS_LIMIT,
    refusalsKept: resolveOperationLimits(options.operationLimits).measureCacheEntries,
    supergraphSdl: live.hook,
    experimental_didResolveQueryPlan: responseCache?.didResolveQueryPlan,
    buildService: ({ name }) => {
      const { registrySchema, urls } = live.current;
      if (name === REGISTRY_NAME && registrySchema) return new LocalGraphQLDataSource(registrySchema);
      const url = urls[name];
      if (!url) throw new Error(`the supergraph names subgraph "${name}", which the config does not list`);
      return new SubgraphDataSource({
        name,
        url,
        agent,
        signingKey,
        timeoutMs: options.subgraphTimeoutMs,
        inFlight,
        isShareable: shareableSubgraphQuery,
        onUnavailable: (subgraph, error) => log(`subgraph ${subgraph} unavailable: ${(error as Error)?.message ?? error}`),
      });
    },
  });

  const debug = options.debug ?? false;
  const manifest = options.persistedOperations ?? loadManifest();
  const slotOf = (request: FastifyRequest) => roleOfViewer(request.viewer);
  // What a request meets, in order: its HTTP hooks in this order, then its Apollo Server plugins in this order.
  const plugins: GatewayPlugin[] = [
    useObservability({ logger }),
    useAuthentication({ authenticate }),
    useHttpLimits(options.httpLimits),
    // After the rate limit, which a remembered refusal still meets; before everything that reads the request.
    ...(options.refusalMemoEntries === 0 ? [] : [useRefusalMemo({ maxEntries: options.refusalMemoEntries, slotOf, exchangeHeaders: EXCHANGE_HEADERS })]),
    useRequestChecks(),
    useRegisteredOperations({ manifest, maxAge: options.registeredOperationMaxAge }),
    useOperationLimits(options.operationLimits),
    ...(responseCache || inFlightOperations ? [useReplyKey({ slotOf })] : []),
    ...(responseCache ? [useResponseCache({ cache: responseCache, exchangeHeaders: EXCHANGE_HEADERS })] : []),
    ...(inFlightOperations ? [useInFlightSharing({ operations: inFlightOperations })] : []),
  ];
  const server = await createGateway({
    gateway,
    plugins,
    logger,
    debug,
    development: options.development ?? !isProduction(),
    bodyLimit: options.httpLimits?.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    routes: (app) => {
      registerHealthRoutes(app, {
        // The registry served inside the process is not probed over HTTP.
        targets: () => Object.entries(live.current.urls).filter(([name]) => !(name === REGISTRY_NAME && embeddedRegistry)).map(([name, url]) => ({ name, url })),
        agent,
        signingKey,
        supergraph: () => live.status(),
      });
      registerDashboardRoutes(app, { manifest });
    },
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
