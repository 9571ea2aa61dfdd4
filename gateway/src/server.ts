import { ApolloGateway, LocalGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import { createFormatError, createLogger, observedServerOptions, observeRequests, type Logger } from '@nlf/schema';
import Fastify from 'fastify';
import { REGISTRY_NAME, urlVariable, type FederationConfig } from './config';
import { probeSubgraphs, type SubgraphTarget } from './health';
import { registerDashboardRoutes } from './dashboard/routes';
import { loadManifest, type PersistedOperationManifest } from './operations/manifest';
import { registeredOperationCachePlugin, RegisteredOperationStore } from './operations/registeredOperations';
import { buildRegistrySchema } from './registry/registrySchema';
import { createSubgraphAgent, SubgraphDataSource } from './subgraphDataSource';

export interface GatewayOptions {
  config: FederationConfig;
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
  /** Seconds a complete answer of a registered operation may be cached. Default: NLF_INDICATORS_MAX_AGE, else 60. */
  registeredOperationMaxAge?: number;
}

/** Per request: what the gateway passes on to the subgraphs. */
export interface GatewayContext {
  requestId: string;
}

export interface RunningGateway {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Subgraph name → URL: explicit option, then environment, then config; the supergraph's own URLs are never used. */
export function resolveSubgraphUrls(config: FederationConfig, overrides: Record<string, string> = {}, env = process.env) {
  const urls: Record<string, string> = {};
  for (const subgraph of [{ name: REGISTRY_NAME, url: config.registry.url }, ...config.subgraphs]) {
    urls[subgraph.name] = overrides[subgraph.name] ?? env[urlVariable(subgraph.name)] ?? subgraph.url;
  }
  return urls;
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const logger = options.logger ?? createLogger({ service: 'gateway' });
  const log = options.log ?? ((line: string) => logger.warn(line));
  const urls = resolveSubgraphUrls(options.config, options.subgraphUrls);
  const embeddedRegistry = options.embeddedRegistry ?? true;
  const agent = createSubgraphAgent();
  const registrySchema = embeddedRegistry ? buildRegistrySchema(options.config) : undefined;

  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name }) => {
      if (name === REGISTRY_NAME && registrySchema) return new LocalGraphQLDataSource(registrySchema);
      const url = urls[name];
      if (!url) throw new Error(`the supergraph names subgraph "${name}", which the config does not list`);
      return new SubgraphDataSource({
        name,
        url,
        agent,
        onUnavailable: (subgraph, error) => log(`subgraph ${subgraph} unavailable: ${(error as Error)?.message ?? error}`),
      });
    },
  });

  const app = Fastify({ ...observedServerOptions(logger), forceCloseConnections: 'idle' });
  observeRequests(app, { spanName: 'gateway' });
  const debug = options.debug ?? false;
  const manifest = options.persistedOperations ?? loadManifest();
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    includeStacktraceInErrorResponses: debug,
    logger,
    formatError: createFormatError({ debug, log: (error) => log(`internal error: ${String(error)}`) }),
    // Registered operations by id; the store ignores attempts to register more.
    persistedQueries: { cache: new RegisteredOperationStore(manifest) },
    plugins: [
      fastifyApolloDrainPlugin(app),
      ApolloServerPluginCacheControl(),
      registeredOperationCachePlugin({
        manifest,
        maxAge: options.registeredOperationMaxAge ?? (Number(process.env.NLF_INDICATORS_MAX_AGE) || undefined),
      }),
    ],
  });
  await apollo.start();

  const targets: SubgraphTarget[] = Object.entries(urls)
    .filter(([name]) => !(name === REGISTRY_NAME && embeddedRegistry))
    .map(([name, url]) => ({ name, url }));
  app.get('/health', async () => ({ status: 'ok', subgraphs: await probeSubgraphs(targets, agent) }));
  app.get('/ready', async (_request, reply) => {
    const subgraphs = await probeSubgraphs(targets, agent);
    const down = Object.keys(subgraphs).filter((name) => subgraphs[name] !== 'up');
    return reply.code(down.length ? 503 : 200).send({ status: down.length ? 'unavailable' : 'ready', down, subgraphs });
  });
  registerDashboardRoutes(app, { manifest });
  await app.register(fastifyApollo(apollo), { context: async (request) => ({ requestId: request.id }) });

  await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 4000 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 4000);
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/graphql`,
    port,
    close: async () => {
      await app.close();
      await agent.close();
    },
  };
}
