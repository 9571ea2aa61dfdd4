import { GraphQLError } from 'graphql';
import { ErrorCode, type Viewer } from '@nlf/contract';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { PersistedOperationManifest } from './manifest';

/**
 * Apollo Server's persisted-query store, answered from the committed manifest: a client sends only
 * `extensions.persistedQuery.sha256Hash` (GET or POST) and gets the registered operation. Clients
 * cannot register more operations through it: writes are ignored.
 */
export class RegisteredOperationStore {
  private readonly bodies: Map<string, string>;

  constructor(manifest: PersistedOperationManifest) {
    this.bodies = new Map(manifest.operations.map((operation) => [`apq:${operation.id}`, operation.body]));
  }

  async get(key: string): Promise<string | undefined> {
    return this.bodies.get(key);
  }

  async set(): Promise<void> {}

  async delete(): Promise<boolean | void> {}
}

export interface RegisteredOperationCacheOptions {
  manifest: PersistedOperationManifest;
  /** Seconds a shared cache may keep a complete answer of a registered operation. Default: 60. */
  maxAge?: number;
}

/**
 * Registered operations read aggregates only, so a complete answer (no errors) may be cached by
 * browsers and shared caches for maxAge seconds. The union subgraphs send no cache hints of their
 * own, which would make every federated answer uncacheable: the gateway, which knows the registered
 * operations, sets the policy. An answer with errors (a union down) is never cached. Must come after
 * Apollo Server's cache control plugin in the plugin list.
 */
export function registeredOperationCachePlugin(options: RegisteredOperationCacheOptions): ApolloServerPlugin<BaseContext> {
  const ids = new Set(options.manifest.operations.map((operation) => operation.id));
  const maxAge = options.maxAge ?? 60;
  return {
    async requestDidStart({ request, contextValue }) {
      const persisted = (request.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery;
      const registered = typeof persisted?.sha256Hash === 'string' && ids.has(persisted.sha256Hash);
      if (!registered) return;
      // An authenticated caller's answer may hold more than the public one: only its own browser keeps it.
      const role = (contextValue as { viewer?: Viewer }).viewer?.role ?? 'anonymous';
      const scope = role === 'anonymous' ? 'public' : 'private';
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single' || response.body.singleResult.errors) return;
          response.http.headers.set('cache-control', `max-age=${maxAge}, ${scope}`);
        },
      };
    },
  };
}

/**
 * Dashboards run only the operations registered for them (by id, as
 * extensions.persistedQuery.sha256Hash): whatever a dashboard token leaks to can do nothing else.
 */
export function registeredOperationsOnlyPlugin(manifest: PersistedOperationManifest, roles: readonly string[] = ['dashboard']): ApolloServerPlugin<BaseContext> {
  const ids = new Set(manifest.operations.map((operation) => operation.id));
  return {
    async requestDidStart({ request, contextValue }) {
      const role = (contextValue as { viewer?: Viewer }).viewer?.role;
      if (!role || !roles.includes(role)) return;
      const persisted = (request.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery;
      if (typeof persisted?.sha256Hash === 'string' && ids.has(persisted.sha256Hash)) return;
      return {
        async didResolveOperation() {
          throw new GraphQLError(`A ${role} token may run only the registered operations (gateway/persisted-operations.json), by id`, {
            extensions: { code: ErrorCode.PERSISTED_QUERY_REQUIRED, http: { status: 403 } },
          });
        },
      };
    },
  };
}
