import { ApolloServer, type ApolloServerOptions, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { KeyLike } from 'jose';
import { createFormatError, internalErrorLogPlugin, nulCharacterPlugin, type Viewer } from '@nlf/contract';
import { createLogger, observedServerOptions, observeRequests, type Logger } from '../observability';
import { installGatewayGuard } from './gatewayGuard';
import { installHttpErrors } from './httpErrors';

/** What every server that answers the gateway needs: the subgraphs of the kit, and the registry. */
export interface GuardedServerOptions<TContext extends object> {
  /** The name the gateway signs its calls to (the subgraph's name in the federation config). Required. */
  name: string;
  /**
   * What /graphql answers. Required: a schema, or a source that replaces its schema while the server
   * runs (Apollo Server's gateway interface; the registry follows its config that way).
   */
  schema: GraphQLSchema | { gateway: NonNullable<ApolloServerOptions<TContext>['gateway']> };
  /** The federation gateway's public key: only requests it signed reach /graphql. Required. */
  gatewayKey: KeyLike;
  /** Interface to bind. Default: 127.0.0.1 (a subgraph answers only the gateway). */
  host?: string;
  /** Port; 0 picks a free one. Required. */
  port: number;
  /** Send stack traces and internal messages to clients. Default: false, whatever NODE_ENV says. */
  debug?: boolean;
  /** JSON logger (pino). Default: one named after the server, writing to stderr. */
  logger?: Logger;
  /** Apollo Server plugins after the kit's own. Default: none. */
  plugins?: ApolloServerPlugin<TContext>[];
  /** Routes besides /graphql (health, metrics...), registered before the guard. Default: none. */
  routes?(app: FastifyInstance): Promise<void> | void;
  /** Each request's context, from the viewer the gateway's signature carried. Required. */
  context(viewer: Viewer, request: FastifyRequest): TContext | Promise<TContext>;
}

export interface RunningGuardedServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Fastify and Apollo Server as the kit runs them: errors in the catalogue's shape and never with
 * internals, observed requests, and /graphql answered only with a valid gateway signature.
 */
export async function startGuardedServer<TContext extends object>(options: GuardedServerOptions<TContext>): Promise<RunningGuardedServer> {
  const logger = options.logger ?? createLogger({ service: options.name });
  const app = Fastify({ ...observedServerOptions(logger), forceCloseConnections: 'idle' });
  observeRequests(app, { spanName: `subgraph ${options.name}` });
  installHttpErrors(app);
  const debug = options.debug ?? false;
  const apollo = new ApolloServer<TContext>({
    ...('gateway' in options.schema ? { gateway: options.schema.gateway } : { schema: options.schema }),
    includeStacktraceInErrorResponses: debug,
    logger,
    formatError: createFormatError({ debug }),
    // Only the gateway calls here, and it never needs "Did you mean …" to describe the schema.
    hideSchemaDetailsFromClientErrors: true,
    plugins: [
      fastifyApolloDrainPlugin(app),
      internalErrorLogPlugin(({ error, ...details }) => logger.error({ err: error, ...details }, 'internal error')),
      nulCharacterPlugin(),
      // Per-field timing for Apollo's usage reporting, which this federation does not use: pure cost.
      ApolloServerPluginInlineTraceDisabled(),
      ...(options.plugins ?? []),
    ],
  });
  await apollo.start();
  await options.routes?.(app);
  installGatewayGuard(app, { subgraph: options.name, key: options.gatewayKey, path: '/graphql' });
  await app.register(fastifyApollo(apollo), {
    // The guard has run: a request without a verified viewer never gets here.
    context: async (request) => options.context(request.viewer!, request),
  });

  const host = options.host ?? '127.0.0.1';
  await app.listen({ host, port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    close: async () => {
      await app.close();
    },
  };
}
