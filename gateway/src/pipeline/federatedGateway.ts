import { LocalGraphQLDataSource } from '@apollo/gateway';
import type { KeyLike } from 'jose';
import type { Agent } from 'undici';
import type { ResponseCache } from '../cache/responseCache';
import { REGISTRY_NAME } from '../config';
import { DEFAULT_PLANNER_PATHS_LIMIT, GuardedGateway } from '../limits/plannerGuard';
import type { LiveSupergraph } from '../reload/liveSupergraph';
import { createShareableSubgraphQuery, SharedSubgraphCalls } from '../sharing/sharedSubgraphCalls';
import { SubgraphDataSource } from '../subgraphDataSource';

export interface FederatedGatewayOptions {
  /** The supergraph in force, with its subgraph URLs and the embedded registry's schema. Required. */
  live: LiveSupergraph;
  /** Keep-alive pool of every subgraph call. Required. */
  agent: Agent;
  /** The key every subgraph call is signed with. Required. */
  signingKey: KeyLike;
  /** Longest a subgraph may take to answer. Default: SubgraphDataSource's, 10 000 ms. */
  subgraphTimeoutMs?: number;
  /** Send identical subgraph queries in flight once (sharing/sharedSubgraphCalls.ts). Default: true. */
  shareSubgraphCalls?: boolean;
  /** The response cache, told which subgraphs each query plan uses. Default: none. */
  responseCache?: ResponseCache;
  /** Most alternatives the query planner may hold for one selection. Default: 32 (DEFAULT_PLANNER_PATHS_LIMIT). */
  plannerPathsLimit?: number;
  /** Refused operations the planner guard remembers. Required (the operation limits' measureCacheEntries). */
  refusalsKept: number;
  /** Where a subgraph found unavailable is reported. Required. */
  log(line: string): void;
}

/**
 * The federated executor: the embedded registry answered in the process, every other subgraph over
 * HTTP by a SubgraphDataSource of the supergraph in force (looked up when the gateway builds its
 * services, so a reload reaches every subgraph).
 */
export function createFederatedGateway(options: FederatedGatewayOptions): GuardedGateway {
  const { live, agent, signingKey, log } = options;
  const inFlight = options.shareSubgraphCalls === false ? undefined : new SharedSubgraphCalls();
  // What may be shared follows the personal marks of the supergraph in force.
  const shareableSubgraphQuery = createShareableSubgraphQuery(() => live.current.personalFields);
  return new GuardedGateway({
    pathsLimit: options.plannerPathsLimit ?? DEFAULT_PLANNER_PATHS_LIMIT,
    refusalsKept: options.refusalsKept,
    supergraphSdl: live.hook,
    experimental_didResolveQueryPlan: options.responseCache?.didResolveQueryPlan,
    buildService: ({ name }) => {
      const { registrySchema, urls } = live.current;
      if (name === REGISTRY_NAME && registrySchema) return new LocalGraphQLDataSource(registrySchema);
      const url = urls[name];
      if (!url) throw new Error(`the supergraph names subgraph "${name}", which the config does not list`);
      return new SubgraphDataSource({
        name,
        url,
        agent,
        signingKey,
        timeoutMs: options.subgraphTimeoutMs,
        inFlight,
        isShareable: shareableSubgraphQuery,
        onUnavailable: (subgraph, error) => log(`subgraph ${subgraph} unavailable: ${(error as Error)?.message ?? error}`),
      });
    },
  });
}
