export {
  startPostgres,
  PostgresLaunchError,
  type PostgresLaunchErrorCode,
  type PostgresOptions,
  type RunningPostgres,
} from './postgres.js';
export { findFreePort } from './ports.js';
export { isProcessAlive } from './processes.js';
export { startFederation, type FederationOptions, type RunningFederation, type SubgraphProcess } from './federation.js';
export { prepareDatabases, seedAll, type PreparedDatabases } from './prepare.js';
export { databaseName, databaseVariable, REPO_ROOT } from './layout.js';
export { ensureLocalKeys, keysEnvironment, tlsDoorEnvironment, type LocalKeys } from './localKeys.js';
export { createCertificateAuthority, ensureLocalCertificates, type CertificateAuthority, type IssuedCertificate, type LocalTls } from './localCertificates.js';
export { issueToken, type TokenRequest } from './issueToken.js';
export { ensureDatabase, dropDatabase, type AdminConnection } from './databases.js';
export { startChild, waitForHttp, type Child } from './children.js';
export { scaffoldUnion, type ScaffoldOptions, type ScaffoldResult } from './newUnion/scaffold.js';
export { NewUnionError, typeNameFor, validateNewUnion, type NewUnion } from './newUnion/arguments.js';
