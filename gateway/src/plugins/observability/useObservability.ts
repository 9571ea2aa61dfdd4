import { internalErrorLogPlugin } from '@nlf/contract';
import { observeRequests, type Logger } from '@nlf/kit';
import type { GatewayPlugin } from '../../pipeline/gatewayPlugin';

export interface UseObservabilityOptions {
  /** Where internal errors are logged, with the request's details. Required: the gateway's logger. */
  logger: Logger;
  /** Name of each request's span. Default: "gateway". */
  spanName?: string;
}

/**
 * The request's span, log line and id (every route, so it is set up app-wide and first), and the
 * log of every internal error with the request it came from.
 */
export function useObservability(options: UseObservabilityOptions): GatewayPlugin {
  const { logger } = options;
  return {
    name: 'observability',
    install: (app) => observeRequests(app, { spanName: options.spanName ?? 'gateway' }),
    apolloPlugins: [internalErrorLogPlugin(({ error, ...details }) => logger.error({ err: error, ...details }, 'internal error'))],
  };
}
