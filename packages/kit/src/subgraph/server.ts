import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import rateLimit from '@fastify/rate-limit';
import Fastify from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { KeyLike } from 'jose';
import type { Database } from '../db/database';
import { createFormatError, internalErrorLogPlugin, nulCharacterPlugin } from '@nlf/contract';
import { installHttpErrors } from './httpErrors';
import { createLogger, observedServerOptions, observeRequests, type Logger } from '../observability';
import { createContext, type LoaderFactory, type SubgraphContext } from './context';
import { registerDataVersionRoute } from './dataVersion';
import { registerDataVersionEvents } from './dataVersionEvents';
import { DataVersionListener } from './dataVersionListener';
import { installGatewayGuard } from './gatewayGuard';
import { createSubgraphMetrics } from './metrics';
import { databaseSnapshotSource, PublicSnapshot, type PublicSnapshotOptions } from './publicSnapshot';
import { DEFAULT_SUPPRESSION_THRESHOLD } from './settings';
import { readiness } from './readiness';

export interface SubgraphServerOptions {
  /** Subgraph name, reported by /health and /metrics. */
  name: string;
  schema: GraphQLSchema;
  database: Database;
  /** Interface to bind. Default: 127.0.0.1 (subgraphs answer only the gateway). */
  host?: string;
  /** Port; 0 picks a free one. */
  port: number;
  /** Send stack traces and internal messages to clients. Default: false, whatever NODE_ENV says. */
  debug?: boolean;
  /** The federation gateway's public key: only requests it signed are answered. */
  gatewayKey: KeyLike;
  /** Smallest count a register breakdown shows. Default: 5. */
  suppressionThreshold?: number;
  /** JSON logger (pino). Default: one named after the subgraph, writing to stderr. */
  logger?: Logger;
  /** The subgraph's own loaders, beside the kit's in every request's context. Default: the kit's only. */
  loaders?: LoaderFactory<object>;
  /**
   * The contract's public facts kept in memory, following the data version (PublicSnapshot), for a
   * database with the contract's storage. Default: none, every public fact read by SQL per request.
   */
  publicSnapshot?: Omit<PublicSnapshotOptions, 'logger'>;
}

export interface RunningSubgraph {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startSubgraphServer(options: SubgraphServerOptions): Promise<RunningSubgraph> {
  const logger = options.logger ?? createLogger({ service: options.name });
  const app = Fastify({ ...observedServerOptions(logger), forceCloseConnections: 'idle' });
  observeRequests(app, { spanName: `subgraph ${options.name}` });
  installHttpErrors(app);
  const debug = options.debug ?? false;
  // One LISTEN connection for the gateways' streams and the public snapshot, which hears each commit first.
  const listener = new DataVersionListener(options.database.url, logger);
  const snapshot = options.publicSnapshot
    ? new PublicSnapshot(databaseSnapshotSource(options.database, listener), { ...options.publicSnapshot, logger })
    : undefined;
  const metrics = createSubgraphMetrics(options.name, () => options.database.statementCount(), snapshot && (() => snapshot.stats()));
  const apollo = new ApolloServer<SubgraphContext>({
    schema: options.schema,
    includeStacktraceInErrorResponses: debug,
    logger,
    formatError: createFormatError({ debug }),
    // Only the gateway calls a subgraph, and it never needs "Did you mean …" to describe the schema.
    hideSchemaDetailsFromClientErrors: true,
    plugins: [
      fastifyApolloDrainPlugin(app),
      internalErrorLogPlugin(({ error, ...details }) => logger.error({ err: error, ...details }, 'internal error')),
      nulCharacterPlugin(),
      // Per-field timing for Apollo's usage reporting, which this federation does not use: pure cost.
      ApolloServerPluginInlineTraceDisabled(),
      {
        async requestDidStart() {
          metrics.countRequest();
        },
      },
    ],
  });
  await apollo.start();

  app.get('/health', async (_request, reply) => {
    try {
      await options.database.orm.em.getConnection().execute('select 1');
      return { status: 'ok', subgraph: options.name, database: 'ok' };
    } catch {
      return reply.code(503).send({ status: 'unavailable', subgraph: options.name, database: 'unavailable' });
    }
  });
  // Only routes that ask for it (the data version's) are limited; /graphql answers only the gateway.
  await app.register(rateLimit, { global: false });
  registerDataVersionRoute(app, options.database, options.name);
  registerDataVersionEvents(app, options.database, options.name, listener);
  app.addHook('onClose', async () => {
    snapshot?.close();
    await listener.close();
  });
  app.get('/ready', async (_request, reply) => {
    const state = await readiness(options.database);
    return reply.code(state.ready ? 200 : 503).send({ status: state.ready ? 'ready' : 'unavailable', subgraph: options.name, ...state.checks });
  });
  app.get('/metrics', async (_request, reply) => {
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
  const contextOptions = {
    subgraph: options.name,
    suppressionThreshold: options.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD,
    loaders: options.loaders,
    snapshot,
  };
  installGatewayGuard(app, { subgraph: options.name, key: options.gatewayKey, path: '/graphql' });
  await app.register(fastifyApollo(apollo), {
    // The guard has run: a request without a verified viewer never gets here.
    context: async (request) => ({ ...createContext(options.database.orm, contextOptions, request.viewer!), requestId: request.id }),
  });

  await app.listen({ host: options.host ?? '127.0.0.1', port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/graphql`,
    port,
    close: async () => {
      await app.close();
    },
  };
}
