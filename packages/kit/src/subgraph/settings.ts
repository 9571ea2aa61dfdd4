import { issuerSettingsFrom, type IssuerSettings } from '@nlf/contract';
import { readProcessSettings, SettingsError, type ProcessSettings } from '../observability/processSettings';
import { DEFAULT_SNAPSHOT_MAX_BYTES, type SnapshotFreshness } from './publicSnapshot';

export { SettingsError };

/**
 * Everything a kit-built subgraph process takes from its environment, read and checked once at
 * start-up by readSubgraphSettings and passed down as options; every variable is documented in the README.
 */
export interface SubgraphSettings extends ProcessSettings {
  host: string;
  port: number;
  databaseUrl: string | undefined;
  registerSize: number;
  registerSizes: Record<string, number>;
  registerSeed: number | undefined;
  debug: boolean;
  /** PEM (SPKI) of the gateway's Ed25519 public key. */
  gatewayPublicKey: string | undefined;
  /** Smallest count a register breakdown shows; smaller cells are suppressed. */
  suppressionThreshold: number;
  /**
   * NLF_PUBLIC_SNAPSHOT: answer the contract's public facts from memory between commits (on), or by
   * SQL for every request (off). Default: on.
   */
  publicSnapshot: boolean;
  /**
   * NLF_CACHE_FRESHNESS, the gateway's variable, so that one value sets the federation's rule: how the
   * public snapshot knows it is current ("announced", or "checked" on every request). Default: announced.
   */
  snapshotFreshness: SnapshotFreshness;
  /** NLF_PUBLIC_SNAPSHOT_MAX_BYTES: the largest snapshot kept (its JSON); above it, public facts are read by SQL. */
  snapshotMaxBytes: number;
  /** The TLS door for routers (docs/security.md "Calls from any router"); undefined: the plain port only. */
  tls: TlsDoorSettings | undefined;
}

/** A second port serving the same app over TLS: routers prove themselves with a client certificate, callers with their token. */
export interface TlsDoorSettings {
  port: number;
  /** PEM files: the subgraph's server certificate (with its chain) and key. */
  certFile: string;
  keyFile: string;
  /** PEM file of the CA (or CAs) that sign the routers' client certificates. */
  clientCaFile: string;
  /** Whose bearer tokens the door accepts: the gateway's issuer rules. */
  issuer: IssuerSettings;
}

const TLS_VARIABLES = ['NLF_TLS_PORT', 'NLF_TLS_CERT_FILE', 'NLF_TLS_KEY_FILE', 'NLF_TLS_CLIENT_CA_FILE'] as const;

export const DEFAULT_REGISTER_SIZE = 1000;
export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new SettingsError(name, `must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function choice<T extends string>(env: NodeJS.ProcessEnv, name: string, values: readonly T[], fallback: T): T {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!(values as readonly string[]).includes(raw)) throw new SettingsError(name, `must be one of ${values.join(', ')}, got "${raw}"`);
  return raw as T;
}

/** "lederne=100000,foa=500" → { lederne: 100000, foa: 500 } */
export function parseRegisterSizes(raw: string | undefined): Record<string, number> {
  const sizes: Record<string, number> = {};
  for (const part of (raw ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const match = /^([a-z0-9-]+)=(\d+)$/.exec(part);
    if (!match) throw new SettingsError('NLF_REGISTER_SIZES', `expected id=size pairs separated by commas, got "${part}"`);
    sizes[match[1]!] = Number(match[2]);
  }
  return sizes;
}

/** All four TLS variables, with the issuer's key, or none of them; a half-configured door refuses to start. */
export function readTlsDoorSettings(env: NodeJS.ProcessEnv): TlsDoorSettings | undefined {
  const given = TLS_VARIABLES.filter((name) => env[name]);
  if (given.length === 0) return undefined;
  const missing = TLS_VARIABLES.filter((name) => !env[name]);
  if (missing.length) {
    throw new SettingsError(missing.join(', '), `must be set too, as ${given.join(', ')} is: the TLS door needs its port, server certificate, key and the CA of the routers' client certificates`);
  }
  const issuer = issuerSettingsFrom(env);
  if (!issuer) {
    throw new SettingsError('NLF_AUTH_PUBLIC_KEY or NLF_AUTH_JWKS_URL', "is required with NLF_TLS_PORT: the TLS door verifies the caller's token itself");
  }
  return {
    port: integer(env, 'NLF_TLS_PORT', 0, 0, 65535),
    certFile: env.NLF_TLS_CERT_FILE!,
    keyFile: env.NLF_TLS_KEY_FILE!,
    clientCaFile: env.NLF_TLS_CLIENT_CA_FILE!,
    issuer,
  };
}

/** The one place a subgraph process reads its environment. */
export function readSubgraphSettings(defaultPort: number, env: NodeJS.ProcessEnv = process.env): SubgraphSettings {
  return {
    ...readProcessSettings(env),
    host: env.HOST || '127.0.0.1',
    port: integer(env, 'PORT', defaultPort, 0, 65535),
    databaseUrl: env.DATABASE_URL || undefined,
    registerSize: integer(env, 'NLF_REGISTER_SIZE', DEFAULT_REGISTER_SIZE, 0, 5_000_000),
    registerSizes: parseRegisterSizes(env.NLF_REGISTER_SIZES),
    registerSeed: env.NLF_REGISTER_SEED ? integer(env, 'NLF_REGISTER_SEED', 0, 0, 2 ** 31 - 1) : undefined,
    debug: env.NLF_DEBUG_ERRORS === '1',
    gatewayPublicKey: env.NLF_GATEWAY_PUBLIC_KEY || undefined,
    suppressionThreshold: integer(env, 'NLF_SUPPRESSION_THRESHOLD', DEFAULT_SUPPRESSION_THRESHOLD, 2, 1000),
    publicSnapshot: choice(env, 'NLF_PUBLIC_SNAPSHOT', ['on', 'off'], 'on') === 'on',
    snapshotFreshness: choice(env, 'NLF_CACHE_FRESHNESS', ['announced', 'checked'], 'announced'),
    snapshotMaxBytes: integer(env, 'NLF_PUBLIC_SNAPSHOT_MAX_BYTES', DEFAULT_SNAPSHOT_MAX_BYTES, 0, 1024 * 1024 * 1024),
    tls: readTlsDoorSettings(env),
  };
}
