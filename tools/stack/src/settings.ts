import { DEFAULT_DATA_DIR, DEFAULT_KEYS_DIR, databaseVariable } from './layout';

/**
 * Everything `npm start` (cli.ts) takes from its environment, read and checked once at start-up
 * (the usage text in cli.ts and the README list each). The processes it starts get the environment
 * passed on and read their own settings.
 */
export interface StackSettings {
  /** PORT: the gateway's. Default: 4000. */
  gatewayPort: number;
  /** NLF_DATA_DIR. Default: .data/postgres. */
  dataDir: string;
  /** NLF_DATA_DIR unset: the default folder may be moved where the postgres user can reach it. */
  relocateWhenBlocked: boolean;
  /** NLF_KEYS_DIR. Default: .data/keys. */
  keysDir: string;
  /** NLF_POSTGRES_PORT. Default: 54329. */
  postgresPort: number;
  /** NLF_SUBGRAPH_PORTS: the config's ports, or free ones. Default: config. */
  subgraphPorts: 'config' | 'free';
  /** NLF_DATABASE_URL_<NAME>, for each subgraph that has one. */
  externalDatabaseUrls: Record<string, string>;
}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new Error(`${name} must be a port number, got "${raw}"`);
  return value;
}

/** NLF_KEYS_DIR: where the local issuer's and the gateway's keys are (npm start makes them, npm run token reads them). */
export function keysDirFrom(env: NodeJS.ProcessEnv = process.env): string {
  return env.NLF_KEYS_DIR || DEFAULT_KEYS_DIR;
}

export function readStackSettings(subgraphs: string[], env: NodeJS.ProcessEnv = process.env): StackSettings {
  const subgraphPorts = env.NLF_SUBGRAPH_PORTS || 'config';
  if (subgraphPorts !== 'config' && subgraphPorts !== 'free') throw new Error(`NLF_SUBGRAPH_PORTS must be "config" or "free", got "${subgraphPorts}"`);
  const externalDatabaseUrls: Record<string, string> = {};
  for (const name of subgraphs) {
    const url = env[databaseVariable(name)];
    if (url) externalDatabaseUrls[name] = url;
  }
  return {
    gatewayPort: port(env, 'PORT', 4000),
    dataDir: env.NLF_DATA_DIR || DEFAULT_DATA_DIR,
    relocateWhenBlocked: !env.NLF_DATA_DIR,
    keysDir: keysDirFrom(env),
    postgresPort: port(env, 'NLF_POSTGRES_PORT', 54329),
    subgraphPorts,
    externalDatabaseUrls,
  };
}
