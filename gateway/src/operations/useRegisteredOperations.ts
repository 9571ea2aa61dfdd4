import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import type { GatewayPlugin } from '../pipeline/gatewayPlugin';
import type { PersistedOperationManifest } from './manifest';
import { registeredOperationCachePlugin, registeredOperationsOnlyPlugin, RegisteredOperationStore } from './registeredOperations';

export interface UseRegisteredOperationsOptions {
  /** The operations accepted by id (GET or POST). Required: the gateway passes gateway/persisted-operations.json by default. */
  manifest: PersistedOperationManifest;
  /** Seconds a complete answer of a registered operation may be cached. Default: 60. */
  maxAge?: number;
}

/**
 * Registered operations: accepted by id from the manifest (the store ignores attempts to register
 * more), the only operations some roles may send, and their complete answers cacheable by HTTP
 * caches for `maxAge` seconds.
 */
export function useRegisteredOperations(options: UseRegisteredOperationsOptions): GatewayPlugin {
  return {
    name: 'registered operations',
    persistedQueries: { cache: new RegisteredOperationStore(options.manifest) },
    apolloPlugins: [
      registeredOperationsOnlyPlugin(options.manifest),
      // Apollo Server's cache policy, which the registered-operation cache plugin (after it) sets
      // and the response cache reads.
      ApolloServerPluginCacheControl(),
      registeredOperationCachePlugin({ manifest: options.manifest, maxAge: options.maxAge }),
    ],
  };
}
