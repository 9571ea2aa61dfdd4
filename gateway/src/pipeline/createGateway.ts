import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import { createFormatError } from '@nlf/contract';
import { observedServerOptions, type Logger } from '@nlf/kit';
import Fastify, { type FastifyInstance } from 'fastify';
import type { GuardedGateway } from '../limits/plannerGuard';
import type { GatewayContext } from '../subgraphDataSource';
import { apolloPluginsOf, GRAPHQL_PATH, installPipeline, type GatewayPlugin } from './gatewayPlugin';

export interface CreateGatewayOptions {
  /** The federated executor (ApolloGateway); its supergraph changes reach every plugin's onSupergraphChange. Required. */
  gateway: GuardedGateway;
  /** What a request meets, in order (GatewayPlugin). Required; [] serves the gateway with no concern at all. */
  plugins: readonly GatewayPlugin[];
  /** JSON logger (pino) of the server and Apollo Server. Required. */
  logger: Logger;
  /** Send stack traces and internal messages to clients. Default: false. */
  debug?: boolean;
  /** Serve introspection and the landing page. Default: false. */
  development?: boolean;
  /** Largest request body in bytes (Fastify's bodyLimit; a plugin answers the refusal). Default: 100 000. */
  bodyLimit?: number;
  /** Proxies whose X-Forwarded-For names the caller's address (Fastify's trustProxy). Default: none. */
  trustProxy?: string[];
  /** Routes besides /graphql (health, dashboard), registered before it. Default: none. */
  routes?(app: FastifyInstance): void;
}

export interface CreatedGateway {
  app: FastifyInstance;
  /** Closes the server and every plugin. */
  close(): Promise<void>;
}

/**
 * The gateway's HTTP server: Fastify and Apollo Server with the plugins in list order, one error
 * handler, and the caller carried in the typed per-request context (GatewayContext). Not listening
 * yet: the caller binds `app`.
 */
export async function createGateway(options: CreateGatewayOptions): Promise<CreatedGateway> {
  const { plugins, logger } = options;
  const debug = options.debug ?? false;
  const development = options.development ?? false;
  const app = Fastify({
    ...observedServerOptions(logger),
    forceCloseConnections: 'idle',
    // While closing, a request that reached this process is still answered (on a connection that then
    // closes), not refused 503: a load balancer does not send a POST that reached one replica to another.
    return503OnClosing: false,
    bodyLimit: options.bodyLimit ?? 100_000,
    trustProxy: options.trustProxy ?? false,
  });
  const persistedQueries = plugins.find((plugin) => plugin.persistedQueries)?.persistedQueries;
  const parseOptions = plugins.find((plugin) => plugin.parseOptions)?.parseOptions;
  const apollo = new ApolloServer<GatewayContext>({
    gateway: options.gateway,
    includeStacktraceInErrorResponses: debug,
    formatError: createFormatError({ debug }),
    logger,
    introspection: development,
    // Where the schema may not be introspected, no "Did you mean …" describes it either.
    hideSchemaDetailsFromClientErrors: !development,
    allowBatchedHttpRequests: true,
    // The process stops on SIGTERM through gracefulShutdown, which waits for requests in flight.
    // Apollo Server's own handler (on outside NODE_ENV=test) would stop too and then send SIGTERM
    // again, which gracefulShutdown takes for a second request and exits 1 while requests still run.
    stopOnTerminationSignals: false,
    ...(parseOptions ? { parseOptions } : {}),
    ...(persistedQueries ? { persistedQueries } : {}),
    plugins: [
      fastifyApolloDrainPlugin(app),
      ...apolloPluginsOf(plugins),
      ...(development ? [] : [ApolloServerPluginLandingPageDisabled()]),
    ],
  });
  options.gateway.onSchemaLoadOrUpdate(() => {
    for (const plugin of plugins) plugin.onSupergraphChange?.();
  });
  await apollo.start();
  installPipeline(app, plugins, GRAPHQL_PATH);
  options.routes?.(app);
  await app.register(fastifyApollo(apollo), {
    context: async (request) => ({
      viewer: request.viewer,
      requestId: request.id,
      cacheSlot: request.cacheSlot,
      operationLead: request.operationLead,
    }),
  });
  return {
    app,
    close: async () => {
      // The requests in flight finish first: they still meet every plugin (its cache, its rate limit).
      await app.close();
      for (const plugin of plugins) await plugin.close?.();
    },
  };
}
