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
    async requestDidStart({ request }) {
      const persisted = (request.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery;
      const registered = typeof persisted?.sha256Hash === 'string' && ids.has(persisted.sha256Hash);
      if (!registered) return;
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single' || response.body.singleResult.errors) return;
          response.http.headers.set('cache-control', `max-age=${maxAge}, public`);
        },
      };
    },
  };
}
