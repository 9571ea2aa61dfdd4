import rateLimit from '@fastify/rate-limit';
import type { GraphQLSchema } from 'graphql';
import type { KeyLike } from 'jose';
import type { Authenticator } from '@nlf/contract';
import type { Database } from '../db/database';
import { createLogger, type Logger } from '../observability';
import { createContext, type LoaderFactory, type SubgraphContext } from './context';
import { registerDataVersionRoute } from './dataVersion';
import { registerDataVersionEvents } from './dataVersionEvents';
import { DataVersionListener } from './dataVersionListener';
import { startGuardedServer, type RunningGuardedServer } from './guardedServer';
import { createSubgraphMetrics } from './metrics';
import { databaseSnapshotSource, PublicSnapshot, type PublicSnapshotOptions } from './publicSnapshot';
import { DEFAULT_SUPPRESSION_THRESHOLD } from './settings';
import { readiness } from './readiness';
import type { TlsDoorOptions } from './tlsDoor';

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
  /** The federation gateway's public key: on the plain port, only requests it signed are answered. */
  gatewayKey: KeyLike;
  /**
   * The same subgraph on a TLS port too, for routers with a client certificate of `clientCa`, the
   * caller's token verified by `authenticate` (docs/security.md "Calls from any router"). Default: none.
   */
  tls?: TlsDoorOptions & { authenticate: Authenticator };
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

export type RunningSubgraph = RunningGuardedServer;

export async function startSubgraphServer(options: SubgraphServerOptions): Promise<RunningSubgraph> {
  const logger = options.logger ?? createLogger({ service: options.name });
  // One LISTEN connection for the gateways' streams and the public snapshot, which hears each commit first.
  const listener = new DataVersionListener(options.database.url, logger);
  const snapshot = options.publicSnapshot
    ? new PublicSnapshot(databaseSnapshotSource(options.database, listener), { ...options.publicSnapshot, logger })
    : undefined;
  const metrics = createSubgraphMetrics(options.name, () => options.database.statementCount(), snapshot && (() => snapshot.stats()));
  const contextOptions = {
    subgraph: options.name,
    suppressionThreshold: options.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD,
    loaders: options.loaders,
    snapshot,
  };
  return startGuardedServer<SubgraphContext>({
    name: options.name,
    schema: options.schema,
    gatewayKey: options.gatewayKey,
    tls: options.tls,
    host: options.host,
    port: options.port,
    debug: options.debug,
    logger,
    plugins: [
      {
        async requestDidStart() {
          metrics.countRequest();
        },
      },
    ],
    routes: async (app) => {
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
    },
    context: (viewer, request) => ({ ...createContext(options.database.orm, contextOptions, viewer), requestId: request.id }),
  });
}
