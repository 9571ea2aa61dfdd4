import type { GatewayPlugin } from '../../pipeline/gatewayPlugin';
import type { SharedOperations } from '../../sharing/sharedOperations';

export interface UseInFlightSharingOptions {
  /** The sharing layer (createSharedOperations in sharing/sharedOperations.ts). Required. */
  operations: SharedOperations;
}

/**
 * Identical requests in flight at the same moment, from callers of the same role and organisation,
 * answered by one execution (sharing/sharedOperations.ts). Keyed by useReplyKey, which comes before it.
 */
export function useInFlightSharing(options: UseInFlightSharingOptions): GatewayPlugin {
  const { operations } = options;
  return {
    name: 'in-flight sharing',
    // The sharing layer's hooks, registered here alone, where this plugin stands in the list.
    hooks: [operations.routeHooks((request) => request.replyKey)],
    apolloPlugins: [operations.plugin],
  };
}
