import type { ApolloServerOptionsWithGateway, ApolloServerPlugin } from '@apollo/server';
import type { ParseOptions } from 'graphql';
import { type Viewer } from '@nlf/contract';
import { sendHttpError } from '@nlf/kit';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler, onSendAsyncHookHandler, preHandlerAsyncHookHandler } from 'fastify';
import type { CacheSlot } from '../cache';
import type { GatewayContext } from '../subgraphDataSource';

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller, once authentication has settled it; carried into the typed GatewayContext. */
    viewer?: Viewer;
    /** Key of the request's serialised answer in the response cache, when it may have one. */
    replyKey?: string;
    cacheSlot?: CacheSlot;
  }
}

/** The route every gateway plugin's hooks are for. */
export const GRAPHQL_PATH = '/graphql';

/** A hook that ends the request (or the exchange) whatever came of it: followers waiting on it stop waiting. */
type ReleaseHook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/** Hooks of the GraphQL route a plugin declares; the pipeline registers them, testing the route once. */
export interface GatewayRouteHooks {
  onRequest?: onRequestAsyncHookHandler;
  preHandler?: preHandlerAsyncHookHandler;
  onSend?: onSendAsyncHookHandler<unknown>;
  onResponse?: ReleaseHook;
  onRequestAbort?: (request: FastifyRequest) => Promise<void>;
}

/**
 * One cross-cutting concern of the gateway's request path. A request meets the plugins' HTTP hooks
 * in the order of the pipeline's list (each kind of hook in that order), then their Apollo Server
 * plugins in the same order.
 */
export interface GatewayPlugin {
  /** What the concern is, for reading the list and its errors. */
  name: string;
  /** Hooks of the GraphQL route, in the order the plugin needs them. */
  hooks?: GatewayRouteHooks[];
  /** App-wide set-up that is not a hook of the GraphQL route (a body parser; the request span and log line of every route). */
  install?(app: FastifyInstance, path: string): void;
  /** Apollo Server plugins, in order. */
  apolloPlugins?: ApolloServerPlugin<GatewayContext>[];
  /** Apollo Server's persisted-query store (one plugin at most gives it). */
  persistedQueries?: ApolloServerOptionsWithGateway<GatewayContext>['persistedQueries'];
  /** Options of Apollo Server's parser (one plugin at most gives them). */
  parseOptions?: ParseOptions;
  /**
   * An error of the HTTP layer (before Apollo Server) this plugin answers, e.g. a body over its limit;
   * true when answered. The pipeline's one error handler asks each plugin in order, then answers
   * with the error catalogue (sendHttpError).
   */
  answerError?(error: FastifyError, request: FastifyRequest, reply: FastifyReply): boolean;
  /** A new supergraph is in force: forget what the old one decided. */
  onSupergraphChange?(): void;
  /** The gateway is closing. */
  close?(): void | Promise<void>;
}

/**
 * Registers the plugins' route hooks and set-up on `app` in list order, with the route tested here
 * alone, and installs the app's one error handler.
 */
export function installPipeline(app: FastifyInstance, plugins: readonly GatewayPlugin[], path = GRAPHQL_PATH): void {
  const ours = (request: FastifyRequest) => request.routeOptions.url === path;
  for (const plugin of plugins) {
    plugin.install?.(app, path);
    for (const hooks of plugin.hooks ?? []) {
      const { onRequest, preHandler, onSend, onResponse, onRequestAbort } = hooks;
      if (onRequest) app.addHook('onRequest', async function (request, reply) { if (ours(request)) return onRequest.call(this, request, reply); });
      if (preHandler) app.addHook('preHandler', async function (request, reply) { if (ours(request)) return preHandler.call(this, request, reply); });
      if (onSend) app.addHook('onSend', async function (request, reply, payload) { if (ours(request)) return onSend.call(this, request, reply, payload); });
      if (onResponse) app.addHook('onResponse', async (request, reply) => { if (ours(request)) await onResponse(request, reply); });
      if (onRequestAbort) app.addHook('onRequestAbort', async (request) => { if (ours(request)) await onRequestAbort(request); });
    }
  }
  app.setErrorHandler((error: FastifyError, request, reply) => {
    for (const plugin of plugins) if (plugin.answerError?.(error, request, reply)) return reply;
    return sendHttpError(error, request, reply);
  });
}

/** Every plugin's Apollo Server plugins, in list order. */
export function apolloPluginsOf(plugins: readonly GatewayPlugin[]): ApolloServerPlugin<GatewayContext>[] {
  return plugins.flatMap((plugin) => plugin.apolloPlugins ?? []);
}
