import type { InFlightOperations } from '../../inflightOperations';
import type { GatewayPlugin } from '../../pipeline/gatewayPlugin';

export interface UseInFlightSharingOptions {
  /** The sharing layer (createInFlightOperations). Required. */
  operations: InFlightOperations;
}

/**
 * Identical requests in flight at the same moment, from callers of the same role and organisation,
 * answered by one execution (inflightOperations.ts). Keyed by useReplyKey, which comes before it.
 */
export function useInFlightSharing(options: UseInFlightSharingOptions): GatewayPlugin {
  const { operations } = options;
  return {
    name: 'in-flight sharing',
    // inflightOperations.ts registers its own hooks for the route, here in list order.
    install: (app, path) => operations.install(app, path, (request) => request.replyKey),
    apolloPlugins: [operations.plugin],
  };
}
