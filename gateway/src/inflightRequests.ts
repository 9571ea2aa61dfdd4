/**
 * The former home and names of in-flight sharing of subgraph calls, kept while server.ts still
 * imports them from here: the code is in sharing/sharedSubgraphCalls.ts.
 */
export {
  createShareableSubgraphQuery, SharedSubgraphCalls as InFlightRequests,
  type SharedSubgraphCallStats as InFlightStats, type SubgraphAnswer as SharedAnswer,
} from './sharing/sharedSubgraphCalls';
