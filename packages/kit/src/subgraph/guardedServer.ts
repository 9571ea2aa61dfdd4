import { ApolloServer, type ApolloServerOptions, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { KeyLike } from 'jose';
import { createFormatError, internalErrorLogPlugin, nulCharacterPlugin, type Authenticator, type Viewer } from '@nlf/contract';
import { createLogger, observedServerOptions, observeRequests, type Logger } from '../observability';
import { installCallGuard } from './callGuard';
import { installHttpErrors } from './httpErrors';
import { createTlsDoor, type TlsDoorOptions } from './tlsDoor';

/** What every server that answers the gateway needs: the subgraphs of the kit, and the registry. */
export interface GuardedServerOptions<TContext extends object> {
  /** The name the gateway signs its calls to (the subgraph's name in the federation config). Required. */
  name: string;
  /**
   * What /graphql answers. Required: a schema, or a source that replaces its schema while the server
   * runs (Apollo Server's gateway interface; the registry follows its config that way).
   */
  schema: GraphQLSchema | { gateway: NonNullable<ApolloServerOptions<TContext>['gateway']> };
  /** The federation gateway's public key: on the plain port, only requests it signed reach /graphql. Required. */
  gatewayKey: KeyLike;
  /**
   * The same server on a TLS port too, for routers with a client certificate of `clientCa`, the
   * caller's token verified by `authenticate` (docs/security.md "Calls from any router"). Default: none.
   */
  tls?: TlsDoorOptions & { authenticate: Authenticator };
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
  /** Each request's context, from the viewer the call guard verified (either door). Required. */
  context(viewer: Viewer, request: FastifyRequest): TContext | Promise<TContext>;
}

export interface RunningGuardedServer {
  url: string;
  port: number;
  /** The TLS door's GraphQL URL and port, when it has one. */
  tlsUrl?: string;
  tlsPort?: number;
  close(): Promise<void>;
}

/**
 * Fastify and Apollo Server as the kit runs them: errors in the catalogue's shape and never with
 * internals, observed requests, and /graphql answered only with a valid gateway signature on the
 * plain port, or a router's client certificate on the TLS door (callGuard.ts).
 */
export async function startGuardedServer<TContext extends object>(options: GuardedServerOptions<TContext>): Promise<RunningGuardedServer> {
  const logger = options.logger ?? createLogger({ service: options.name });
  const door = options.tls ? createTlsDoor(options.tls) : undefined;
  const app = Fastify({
    ...observedServerOptions(logger),
    forceCloseConnections: 'idle',
    // With a TLS door, the plain server is made here so that the door can share its request handler.
    ...(door ? { serverFactory: door.serverFactory } : {}),
  });
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
    // The process stops on SIGTERM through gracefulShutdown, which waits for requests in flight.
    // Apollo Server's own handler (on outside NODE_ENV=test) would stop too and then send SIGTERM
    // again, which gracefulShutdown takes for a second request and exits 1 at once.
    stopOnTerminationSignals: false,
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
  installCallGuard(app, { subgraph: options.name, key: options.gatewayKey, path: '/graphql', authenticate: options.tls?.authenticate });
  await app.register(fastifyApollo(apollo), {
    // The guard has run: a request without a verified viewer never gets here.
    context: async (request) => options.context(request.viewer!, request),
  });

  const host = options.host ?? '127.0.0.1';
  await app.listen({ host, port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  let tlsPort: number | undefined;
  try {
    tlsPort = door ? await door.listen(host) : undefined;
  } catch (error) {
    await app.close();
    throw error;
  }
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    ...(tlsPort === undefined ? {} : { tlsUrl: `https://${host}:${tlsPort}/graphql`, tlsPort }),
    close: async () => {
      // The TLS door stops taking connections at once; what is in flight on it is answered while the app closes.
      const tls = door?.close();
      await app.close();
      tls?.drop();
      await tls?.closed;
    },
  };
}
