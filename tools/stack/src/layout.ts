import { join } from 'node:path';

/** Where things are in a checkout: the stack runs the built services and gateway from it. */
export const REPO_ROOT = join(__dirname, '..', '..', '..');
export const DEFAULT_DATA_DIR = join(REPO_ROOT, '.data', 'postgres');
export const DEFAULT_KEYS_DIR = join(REPO_ROOT, '.data', 'keys');

export function serviceEntry(name: string): string {
  return join(REPO_ROOT, 'services', name, 'dist', 'index.js');
}

export const GATEWAY_ENTRY = join(REPO_ROOT, 'gateway', 'dist', 'main.js');
/** `npm run registry`: the registry subgraph as a server of its own. */
export const REGISTRY_ENTRY = join(REPO_ROOT, 'gateway', 'dist', 'cli', 'registry.js');

/** One database per subgraph, named after it. */
export function databaseName(subgraph: string): string {
  return `nlf_${subgraph.replace(/-/g, '_')}`;
}

/** Environment variable that points one subgraph at an external PostgreSQL, e.g. NLF_DATABASE_URL_LEDERNE. */
export function databaseVariable(subgraph: string): string {
  return `NLF_DATABASE_URL_${subgraph.toUpperCase().replace(/-/g, '_')}`;
}
