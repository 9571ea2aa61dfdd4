import { ApolloGateway, type GatewayConfig } from '@apollo/gateway';
import { createHash } from 'node:crypto';
import { ErrorCode, FederationError } from '@nlf/contract';
import { LRUCache } from 'lru-cache';

/** The message @apollo/query-planner throws when a selection has more alternatives than `debug.pathsLimit`. */
const PATHS_LIMIT_MESSAGE = /^Too many options generated for /;

/** Most alternatives the planner may hold for one selection. Default: 32. */
export const DEFAULT_PLANNER_PATHS_LIMIT = 32;

/**
 * The planner's own guardrail, a second line behind the fan-out estimate: planning stops with an
 * error as soon as one selection has more alternatives than `pathsLimit`, long before its memory
 * grows (the documented operations need at most 2; two hops through Organisation inside the
 * cooperation subgraph need about 64, three exhaust 4 GB).
 */
export function plannerGuardrails(pathsLimit: number): NonNullable<GatewayConfig['queryPlannerConfig']> {
  return { debug: { pathsLimit } };
}

class PlannerLimitError extends FederationError {
  constructor(limit: number) {
    super(
      `The operation has too many alternative plans (more than ${limit} for one selection); nest fewer hops through abstract types such as Organisation`,
      ErrorCode.OPERATION_TOO_COMPLEX,
      { limit, measure: 'plannerPaths', http: { status: 400 } },
    );
  }
}

/** An ApolloGateway whose planner refusals reach the caller as OPERATION_TOO_COMPLEX (400), not as an internal error. */
export class GuardedGateway extends ApolloGateway {
  private readonly pathsLimit: number;
  // A refused plan is not stored in the gateway's plan cache: remembered here, a repeat is refused
  // without planning again.
  private readonly refused: LRUCache<string, true>;

  constructor(config: GatewayConfig & { pathsLimit: number; refusalsKept: number }) {
    const { pathsLimit, refusalsKept, ...rest } = config;
    super({ ...rest, queryPlannerConfig: { ...rest.queryPlannerConfig, ...plannerGuardrails(pathsLimit) } });
    this.pathsLimit = pathsLimit;
    this.refused = new LRUCache({ max: refusalsKept });
    // Another supergraph may plan the same operation differently.
    this.onSchemaLoadOrUpdate(() => this.refused.clear());
  }

  override async load(...args: Parameters<ApolloGateway['load']>): ReturnType<ApolloGateway['load']> {
    const loaded = await super.load(...args);
    const limit = this.pathsLimit;
    return {
      ...loaded,
      executor: async (requestContext) => {
        // Hashed: an operation name is as long as the caller makes it.
        const key = createHash('sha256').update(requestContext.queryHash).update('\0').update(requestContext.request.operationName ?? '').digest('base64');
        if (this.refused.get(key)) throw new PlannerLimitError(limit);
        try {
          return await loaded.executor(requestContext);
        } catch (error) {
          if (!(error instanceof Error && PATHS_LIMIT_MESSAGE.test(error.message))) throw error;
          this.refused.set(key, true);
          throw new PlannerLimitError(limit);
        }
      },
    };
  }
}
