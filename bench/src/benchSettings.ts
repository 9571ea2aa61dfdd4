import { DEFAULT_AUDIENCE, DEFAULT_ISSUER } from '@nlf/gateway';

/**
 * Everything a bench process takes from its environment, read and checked once per process (the
 * runner sets these for each system it starts: bench/src/processes.ts). A missing or malformed
 * value stops the process with the variable named, instead of a NaN port or an undefined file.
 */
export interface BenchSystemSettings {
  /** PORT: where the system listens. */
  port: number;
  /** METRICS_PORT: the monolith's statement counter. */
  metricsPort?: number;
  /** BENCH_SUPERGRAPH: the supergraph file the baselines run. */
  supergraphPath?: string;
  /** BENCH_SUBGRAPH_URLS (JSON): subgraph name → URL. */
  subgraphUrls?: Record<string, string>;
  /** BENCH_DATABASE_URLS (JSON): subgraph name → database, for the monolith. */
  databaseUrls?: Record<string, string>;
  /** BENCH_BODIES: bare node's answers, a JSON file of path → body. */
  bodiesPath?: string;
  /** BENCH_HIVE_LOG: Hive Gateway's log level; unset: silent. */
  hiveLog: string | false;
  /** The issuer rules every system verifies the caller's token with, as our gateway does. */
  auth: { issuer: string; audience: string; publicKey?: string };
  /** NLF_GATEWAY_SIGNING_KEY: what the baselines sign subgraph calls with. */
  gatewaySigningKey?: string;
}

/** What the runners (soak, hostile soak, profile) take from their environment. */
export interface BenchRunnerSettings {
  /** BENCH_SOAK_MINUTES: length of each soak phase. Default: 5. */
  soakMinutes: number;
  /** BENCH_PROFILE_SECONDS: profile length per system. Default: 20. */
  profileSeconds: number;
  /** BENCH_PROFILE_SYSTEMS: systems to profile; unset: the committed pair. */
  profileSystems?: string[];
}

class BenchSettingsError extends Error {
  constructor(name: string, problem: string) {
    super(`${name} ${problem}`);
  }
}

const value = (env: NodeJS.ProcessEnv, name: string) => (env[name] === undefined || env[name] === '' ? undefined : env[name]);

function whole(env: NodeJS.ProcessEnv, name: string, minimum: number, maximum: number): number | undefined {
  const raw = value(env, name);
  if (raw === undefined) return undefined;
  const parsed = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || parsed < minimum || parsed > maximum) throw new BenchSettingsError(name, `must be a whole number from ${minimum} to ${maximum}, got "${raw}"`);
  return parsed;
}

function urlMap(env: NodeJS.ProcessEnv, name: string): Record<string, string> | undefined {
  const raw = value(env, name);
  if (raw === undefined) return undefined;
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (parsed && typeof parsed === 'object' && Object.values(parsed).every((entry) => typeof entry === 'string')) return parsed as Record<string, string>;
  } catch {
    // reported below
  }
  throw new BenchSettingsError(name, 'must be a JSON object of name → URL');
}

/** A value the calling system cannot run without. */
export function required<T>(setting: T | undefined, name: string): T {
  if (setting === undefined) throw new BenchSettingsError(name, 'is required by this system (the bench runner sets it)');
  return setting;
}

export function readBenchSystemSettings(env: NodeJS.ProcessEnv = process.env): BenchSystemSettings {
  return {
    port: required(whole(env, 'PORT', 0, 65535), 'PORT'),
    metricsPort: whole(env, 'METRICS_PORT', 0, 65535),
    supergraphPath: value(env, 'BENCH_SUPERGRAPH'),
    subgraphUrls: urlMap(env, 'BENCH_SUBGRAPH_URLS'),
    databaseUrls: urlMap(env, 'BENCH_DATABASE_URLS'),
    bodiesPath: value(env, 'BENCH_BODIES'),
    hiveLog: value(env, 'BENCH_HIVE_LOG') ?? false,
    auth: {
      issuer: value(env, 'NLF_AUTH_ISSUER') ?? DEFAULT_ISSUER,
      audience: value(env, 'NLF_AUTH_AUDIENCE') ?? DEFAULT_AUDIENCE,
      publicKey: value(env, 'NLF_AUTH_PUBLIC_KEY'),
    },
    gatewaySigningKey: value(env, 'NLF_GATEWAY_SIGNING_KEY'),
  };
}

export function readBenchRunnerSettings(env: NodeJS.ProcessEnv = process.env): BenchRunnerSettings {
  const systems = value(env, 'BENCH_PROFILE_SYSTEMS');
  return {
    soakMinutes: whole(env, 'BENCH_SOAK_MINUTES', 1, 24 * 60) ?? 5,
    profileSeconds: whole(env, 'BENCH_PROFILE_SECONDS', 1, 3600) ?? 20,
    profileSystems: systems?.split(',').map((name) => name.trim()).filter(Boolean),
  };
}
