export {
  startPostgres,
  PostgresLaunchError,
  type PostgresLaunchErrorCode,
  type PostgresOptions,
  type RunningPostgres,
} from './postgres.js';
export { findFreePort } from './ports.js';
export { startFederation, type FederationOptions, type RunningFederation, type SubgraphProcess } from './federation.js';
export { prepareDatabases, seedAll, type PreparedDatabases } from './prepare.js';
export { databaseName, databaseVariable, REPO_ROOT } from './layout.js';
export { ensureDatabase, dropDatabase, type AdminConnection } from './databases.js';
