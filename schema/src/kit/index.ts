export { buildSubgraph, type BuiltSubgraphSchema, type SubgraphSchemaOptions } from './buildSchema';
export type { SubgraphContext } from './context';
export { decodeCursor, encodeCursor } from './cursor';
export { FEDERATION_LINK, printSubgraphSdl } from './federation';
export type { Loaders } from './loaders';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './registerService';
export { exitWithParent, main, runSubgraph, type SubgraphOptions } from './runSubgraph';
export { startSubgraphServer, type RunningSubgraph, type SubgraphServerOptions } from './server';
export { DEFAULT_REGISTER_SIZE, readSettings, type SubgraphSettings } from './settings';
