export * from './config';
export { composeSupergraph, CompositionError, type SubgraphSdl } from './compose';
export { registrySdl, requiresSelection } from './registry/registrySdl';
export { buildRegistrySchema, registryResolvers } from './registry/registrySchema';
export { total, type Total, type TotalEntry } from './registry/totals';
export { startGateway, resolveSubgraphUrls, type GatewayOptions, type RunningGateway } from './server';
export { SubgraphDataSource, createSubgraphAgent } from './subgraphDataSource';
export { probeSubgraphs, type SubgraphState } from './health';
export * from './cache';
