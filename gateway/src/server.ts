import { LocalGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import {
  AuthenticationError, createFormatError, createLogger, importPrivateKey, internalErrorLogPlugin, nulCharacterPlugin, observedServerOptions,
  observeRequests, REQUEST_ID_HEADER,
  type Logger, type Viewer,
} from '@nlf/schema';
import Fastify from 'fastify';
import { createAuthenticator } from './auth/authenticate';
import type { SecuritySettings } from './auth/settings';
import { CACHE_STATUS_HEADER, createResponseCache, requestKey, type CacheSlot, type ResponseCacheOptions } from './cache';
import { allSubgraphs, REGISTRY_NAME, urlVariable, type FederationConfig } from './config';
import { registerDashboardRoutes } from './dashboard/routes';
import { createSharedProbe, probeSubgraphs, type SubgraphTarget } from './health';
import { DEFAULT_MAX_BODY_BYTES, installHttpLimits, type HttpLimitsOptions } from './limits/httpLimits';
import { operationLimitsPlugin, resolveOperationLimits, type OperationLimitsOptions } from './limits/operationLimits';
import { DEFAULT_PLANNER_PATHS_LIMIT, GuardedGateway } from './limits/plannerGuard';
import { installRefusalMemo } from './limits/refusalMemo';
import { installVariablesDepthCheck, operationResolutionPlugin, persistedQueryErrorsPlugin } from './limits/requestChecks';
import { loadManifest, type PersistedOperationManifest } from './operations/manifest';
import {
  registeredOperationCachePlugin, registeredOperationsOnlyPlugin, RegisteredOperationStore,
} from './operations/registeredOperations';
import { createInFlightOperations, replayableHeaders } from './inflightOperations';
import { createShareableSubgraphQuery, InFlightRequests } from './inflightRequests';
import { LiveSupergraph } from './reload/liveSupergraph';
import { createSubgraphAgent, SubgraphDataSource, type GatewayContext } from './subgraphDataSource';
import { supergraphSubgraphUrls } from './supergraphFile';

declare module 'fastify' {
  interface FastifyRequest {
    viewer?: Viewer;
    /** Key of the request's serialised answer in the response cache, when it may have one. */
    replyKey?: string;
    cacheSlot?: CacheSlot;
  }
}

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
  /**
   * Subgraph URLs by name, over the config's. Default: NLF_SUBGRAPH_URL_<NAME> from the environment,
   * else the config's URL.
   */
  subgraphUrls?: Record<string, string>;
  /** Serve the registry inside the gateway process instead of calling it over HTTP. Default: true. */
  embeddedRegistry?: boolean;
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
export function resolveSubgraphUrls(config: FederationConfig, overrides: Record<string, string> = {}, env = process.env) {
  const urls: Record<string, string> = {};
  for (const subgraph of [{ name: REGISTRY_NAME, url: config.registry.url }, ...allSubgraphs(config)]) {
    urls[subgraph.name] = overrides[subgraph.name] ?? env[urlVariable(subgraph.name)] ?? subgraph.url;
  }
  return urls;
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const logger = options.logger ?? createLogger({ service: 'gateway' });
  const log = options.log ?? ((line: string) => logger.warn(line));
  const urls = options.config
    ? resolveSubgraphUrls(options.config, options.subgraphUrls)
    : supergraphSubgraphUrls(options.supergraphSdl, options.subgraphUrls);
  const embeddedRegistry = options.config ? (options.embeddedRegistry ?? true) : false;
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
    resolveUrls: (config) => resolveSubgraphUrls(config, options.subgraphUrls),
    embeddedRegistry,
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

  const app = Fastify({
    ...observedServerOptions(logger),
    forceCloseConnections: 'idle',
    bodyLimit: options.httpLimits?.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
  });
  observeRequests(app, { spanName: 'gateway' });
  const debug = options.debug ?? false;
  const manifest = options.persistedOperations ?? loadManifest();
  const development = options.development ?? process.env.NODE_ENV !== 'production';
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    includeStacktraceInErrorResponses: debug,
    formatError: createFormatError({ debug }),
    logger,
    introspection: development,
    // Where the schema may not be introspected, no "Did you mean …" describes it either.
    hideSchemaDetailsFromClientErrors: !development,
    allowBatchedHttpRequests: true,
    // Parsing stops at the token limit, before the document is walked by anything else.
    parseOptions: { maxTokens: resolveOperationLimits(options.operationLimits).maxTokens },
    // Registered operations by id; the store ignores attempts to register more.
    persistedQueries: { cache: new RegisteredOperationStore(manifest) },
    plugins: [
      // First: its refusal of an operation that cannot run is the one answered.
      operationResolutionPlugin(),
      fastifyApolloDrainPlugin(app),
      internalErrorLogPlugin(({ error, ...details }) => logger.error({ err: error, ...details }, 'internal error')),
      persistedQueryErrorsPlugin(),
      nulCharacterPlugin(),
      registeredOperationsOnlyPlugin(manifest),
      ApolloServerPluginCacheControl(),
      registeredOperationCachePlugin({
        manifest,
        maxAge: options.registeredOperationMaxAge,
      }),
      operationLimitsPlugin(options.operationLimits),
      ...(responseCache ? [responseCache.plugin] : []),
      ...(inFlightOperations ? [inFlightOperations.plugin] : []),
      ...(development ? [] : [ApolloServerPluginLandingPageDisabled()]),
    ],
  });
  // A new supergraph can change what a query means (a union joined): start the cache afresh.
  gateway.onSchemaLoadOrUpdate(() => {
    responseCache?.clear();
    // Which organisations a token may name follows the config too.
    authenticate.forget();
  });
  await apollo.start();

  const targets = (): SubgraphTarget[] =>
    Object.entries(live.current.urls)
      .filter(([name]) => !(name === REGISTRY_NAME && embeddedRegistry))
      .map(([name, url]) => ({ name, url }));
  // However many callers ask, the subgraphs are probed at most once every PROBE_MAX_AGE_MS.
  const probe = createSharedProbe(() => probeSubgraphs(targets(), agent, signingKey));
  app.get('/health', async () => ({
    status: 'ok',
    subgraphs: await probe(),
    supergraph: live.status(),
  }));
  app.get('/ready', async (_request, reply) => {
    const subgraphs = await probe();
    const down = Object.keys(subgraphs).filter((name) => subgraphs[name] !== 'up');
    return reply.code(down.length ? 503 : 200).send({ status: down.length ? 'unavailable' : 'ready', down, subgraphs });
  });
  // Who is asking is settled first, from the headers alone: a token that does not verify is answered
  // 401 before the body is even read.
  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.url !== '/graphql') return;
    try {
      request.viewer = await authenticate(request.headers.authorization);
    } catch (error) {
      if (!(error instanceof AuthenticationError)) throw error;
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .send({ errors: [{ message: error.message, extensions: { code: error.extensions.code } }] });
    }
  });
  installHttpLimits(app, '/graphql', options.httpLimits);
  // After the rate limit, which a remembered refusal still meets; before everything that reads the request.
  const refusalMemo =
    options.refusalMemoEntries === 0
      ? undefined
      : installRefusalMemo(app, '/graphql', { maxEntries: options.refusalMemoEntries, slotOf: (request) => roleOfViewer(request.viewer), exchangeHeaders: EXCHANGE_HEADERS });
  // A new supergraph can accept what the old one refused.
  if (refusalMemo) gateway.onSchemaLoadOrUpdate(() => refusalMemo.clear());
  installVariablesDepthCheck(app, '/graphql');
  // After authentication and limits: the key under which a request may share an answer with an
  // identical one from a caller of the same role and organisation.
  if (responseCache || inFlightOperations) {
    app.addHook('preHandler', async (request) => {
      if (request.routeOptions.url !== '/graphql') return;
      const role = roleOfViewer(request.viewer);
      request.cacheSlot = {};
      request.replyKey = role === null ? undefined : requestKey(request, role);
    });
  }
  if (responseCache) {
    // A request Apollo Server answered before gets the same bytes while its subgraphs' data is unchanged.
    app.addHook('preHandler', async (request, reply) => {
      if (request.routeOptions.url !== '/graphql' || request.replyKey === undefined) return;
      const kept = await responseCache.replyFor(request.replyKey);
      if (!kept) return;
      return reply.headers(kept.headers).header(CACHE_STATUS_HEADER, 'hit').send(kept.payload);
    });
    app.addHook('onSend', async (request, reply, payload) => {
      if (request.replyKey === undefined || !request.cacheSlot?.stamps || reply.statusCode !== 200 || typeof payload !== 'string') return;
      responseCache.keepReply(request.replyKey, request.cacheSlot, { payload: Buffer.from(payload), headers: replayableHeaders(reply, EXCHANGE_HEADERS) });
    });
  }
  inFlightOperations?.install(app, '/graphql', (request) => request.replyKey);
  registerDashboardRoutes(app, { manifest });
  await app.register(fastifyApollo(apollo), { context: async (request) => ({
      viewer: request.viewer,
      requestId: request.id,
      cacheSlot: request.cacheSlot,
      operationLead: request.operationLead,
    }),
  });

  await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 4000 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 4000);
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/graphql`,
    port,
    close: async () => {
      responseCache?.close();
      await app.close();
      await agent.close();
    },
    reload: () => live.reload(),
  };
}
