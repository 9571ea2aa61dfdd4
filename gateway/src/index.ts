export * from './config';
export { composeSupergraph, CompositionError, type SubgraphSdl } from './compose';
export { registrySdl, requiresSelection } from './registry/registrySdl';
export { buildRegistrySchema, registryResolvers } from './registry/registrySchema';
export { total, type Total, type TotalEntry } from './registry/totals';
export { startRegistryServer, type RegistryServerOptions, type RunningRegistry } from './registry/serveRegistry';
export { startGateway, type GatewayOptions, type RunningGateway } from './server';
export { resolveSubgraphUrls } from './reload/gatewaySupergraph';
export { SubgraphDataSource, createSubgraphAgent } from './subgraphDataSource';
export {
  SharedSubgraphCalls, createShareableSubgraphQuery, type SharedSubgraphCallStats, type SubgraphAnswer,
} from './sharing/sharedSubgraphCalls';
export {
  createSharedOperations, SHARED_HEADER, type SharedOperations, type SharedOperationsOptions, type OperationLead,
} from './sharing/sharedOperations';
export { probeSubgraphs, type SubgraphState } from './health';
export { createAuthenticator, type AuthenticationOptions, type Authenticator } from '@nlf/contract';
export { readSecuritySettings, DEFAULT_AUDIENCE, DEFAULT_ISSUER, type SecuritySettings } from './auth/settings';
export { supergraphSubgraphUrls } from './supergraphFile';
export * from './cache';
export { measureOperation, type OperationMeasure } from './limits/operationCost';
export { DEFAULT_OPERATION_LIMITS, limitExceeded, resolveOperationLimits, type OperationLimits } from './limits/operationLimits';
export { DEFAULT_PLANNER_PATHS_LIMIT } from './limits/plannerGuard';
export { readGatewaySettings, readRegistrySettings, readToolSettings, type GatewaySettings, type RegistrySettings, type ToolSettings } from './settings';
export { createGateway, type CreateGatewayOptions, type CreatedGateway } from './pipeline/createGateway';
export { installPipeline, GRAPHQL_PATH, type GatewayPlugin, type GatewayRouteHooks } from './pipeline/gatewayPlugin';
