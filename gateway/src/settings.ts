import { isIP } from 'node:net';
import { readProcessSettings, readTlsDoorSettings, type ProcessSettings, type TlsDoorSettings } from '@nlf/kit';
import { readSecuritySettings, type SecuritySettings } from './auth/settings';
import { DEFAULT_REMEMBERED_TOKENS } from '@nlf/contract';
import { DEFAULT_CONFIG_PATH } from './config';
import { DEFAULT_MAX_BATCH, DEFAULT_MAX_BODY_BYTES } from './limits/httpLimits';
import { DEFAULT_OPERATION_LIMITS, type OperationLimits } from './limits/operationLimits';
import { DEFAULT_PLANNER_PATHS_LIMIT } from './limits/plannerGuard';
import { DEFAULT_REFUSAL_MEMO_ENTRIES } from './limits/refusalMemo';

/** Everything the gateway process takes from its environment, read and checked once at start-up (README lists each). */
export interface GatewaySettings extends ProcessSettings {
  host: string;
  port: number;
  /** NODE_ENV=production: no introspection, no landing page. */
  production: boolean;
  debugErrors: boolean;
  security: SecuritySettings;
  /** A supergraph file given by flag or NLF_SUPERGRAPH; undefined: gateway/supergraph.graphql. */
  supergraphPath?: string;
  /** NLF_FEDERATION_CONFIG; undefined: the default config, or none when running a supergraph file alone. */
  configPath?: string;
  /** A supergraph file without a config: any Federation 2 supergraph, no registry. */
  standalone: boolean;
  /** NLF_REGISTRY: the registry answered in the process ("embedded"), or called at its URL ("remote"). */
  registry: 'embedded' | 'remote';
  /** Watch the config (or standalone supergraph) file and apply changes without a restart. */
  watch: boolean;
  subgraphTimeoutMs: number;
  operationLimits: OperationLimits;
  plannerPathsLimit: number;
  maxBodyBytes: number;
  maxBatch: number;
  rateLimitPerMinute: number;
  /** Undefined: a sixth of the rate, at least 10. */
  rateLimitBurst?: number;
  /** Identities whose request rate is remembered; the least recently seen are forgotten first. */
  rateLimitIdentities: number;
  /** NLF_REDIS_URL: the rate limit's buckets in that Redis, shared by the replicas; undefined: in this process. */
  redisUrl?: string;
  /**
   * NLF_TRUST_PROXY: the proxies in front whose X-Forwarded-For names the caller's address (what an
   * anonymous caller is rate-limited by): their addresses, CIDR ranges, or proxy-addr's names
   * `loopback`, `linklocal`, `uniquelocal`; undefined: none, the address is the connection's
   * (Fastify's trustProxy; a hop count is not offered: Fastify trusts nothing for one).
   */
  trustProxy?: string[];
  responseCache: boolean;
  /** Answers the response cache keeps (least recently used forgotten first). */
  responseCacheEntries: number;
  cacheFreshness: 'announced' | 'checked';
  inFlightSharing: boolean;
  /** Refusals remembered and answered again without reading the request; 0: none. */
  refusalMemoEntries: number;
  /** Verified tokens remembered with the viewer or refusal they came to, at most a minute each. */
  rememberedTokens: number;
  /** Undefined: the registered-operation cache's own default (60 s). */
  indicatorsMaxAge?: number;
  /** NLF_SUBGRAPH_URL_<NAME> variables by name: subgraph URLs over the config's (or the supergraph's). */
  subgraphUrlVariables: SubgraphUrlVariables;
}

/** NLF_SUBGRAPH_URL_<NAME> variables as set, by variable name (config.ts `urlVariable` names them). */
export type SubgraphUrlVariables = Readonly<Record<string, string>>;

/** What the command-line tools (compose, check, generate) take from the environment. */
export interface ToolSettings {
  /** NLF_SUBGRAPH_URL_<NAME>: where a subgraph without an SDL file is asked for its `_service { sdl }`. */
  subgraphUrlVariables: SubgraphUrlVariables;
  /** NLF_GATEWAY_SIGNING_KEY, to sign `_service { sdl }` calls as the gateway does; undefined: unsigned. */
  signingKey?: string;
}

/** The NLF_SUBGRAPH_URL_<NAME> variables that are set. */
export function readSubgraphUrlVariables(env: NodeJS.ProcessEnv = process.env): SubgraphUrlVariables {
  const variables: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (name.startsWith('NLF_SUBGRAPH_URL_') && value !== undefined) variables[name] = value;
  }
  return variables;
}

/** The command-line tools' settings. */
export function readToolSettings(env: NodeJS.ProcessEnv = process.env): ToolSettings {
  return { subgraphUrlVariables: readSubgraphUrlVariables(env), signingKey: env.NLF_GATEWAY_SIGNING_KEY || undefined };
}

/** NODE_ENV=production, for a gateway started without `development` given. */
export function isProduction(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV === 'production';
}

export const DEFAULT_SUBGRAPH_TIMEOUT_MS = 10_000;
/** The ranges proxy-addr (Fastify's trustProxy) knows by name. */
const TRUST_PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;
export const DEFAULT_RATE_LIMIT_IDENTITIES = 100_000;
export const DEFAULT_RESPONSE_CACHE_ENTRIES = 1000;

/**
 * How every gateway-side process reads a variable: empty counts as unset, and a value set wrong is
 * added to `problems` (so one error names them all) while its fallback is used.
 */
function settingReaders(env: NodeJS.ProcessEnv, problems: string[]) {
  const set = (name: string) => (env[name] === undefined || env[name] === '' ? undefined : env[name]);
  const integer = (name: string, fallback: number, minimum = 1, maximum = Number.MAX_SAFE_INTEGER): number => {
    const raw = set(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < minimum || value > maximum) {
      problems.push(`${name} must be a whole number from ${minimum} to ${maximum === Number.MAX_SAFE_INTEGER ? 'any size' : maximum}, got "${raw}"`);
      return fallback;
    }
    return value;
  };
  const choice = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = set(name);
    if (raw === undefined) return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    problems.push(`${name} must be ${allowed.map((value) => `"${value}"`).join(' or ')}, got "${raw}"`);
    return fallback;
  };
  return { set, integer, choice };
}

/** Reads the settings; one error names every variable that is set wrong. */
export function readGatewaySettings(argv: string[] = [], env: NodeJS.ProcessEnv = process.env): GatewaySettings {
  const problems: string[] = [];
  const { set, integer, choice } = settingReaders(env, problems);

  const flag = argv.indexOf('--supergraph');
  if (flag >= 0 && !argv[flag + 1]) problems.push('--supergraph needs a file');
  const supergraphPath = (flag >= 0 ? argv[flag + 1] : undefined) || set('NLF_SUPERGRAPH');
  const configPath = set('NLF_FEDERATION_CONFIG');
  const standalone = Boolean(supergraphPath) && !configPath;

  const rateLimitBurstRaw = set('NLF_RATE_LIMIT_BURST');
  const redisUrl = (name: string): string | undefined => {
    const raw = set(name);
    if (raw === undefined) return undefined;
    const parsed = URL.canParse(raw) ? new URL(raw) : undefined;
    if (parsed && (parsed.protocol === 'redis:' || parsed.protocol === 'rediss:') && parsed.hostname) return raw;
    // The value may hold a password: it is not repeated.
    problems.push(`${name} must be a redis:// or rediss:// URL with a host (e.g. redis://redis:6379)`);
    return undefined;
  };
  const trustProxy = (name: string): string[] | undefined => {
    const raw = set(name);
    if (raw === undefined) return undefined;
    const entries = raw.split(',').map((entry) => entry.trim());
    const valid = (entry: string) => {
      if (TRUST_PROXY_NAMES.includes(entry)) return true;
      const [address, bits, ...rest] = entry.split('/');
      const version = isIP(address ?? '');
      if (!version || rest.length) return false;
      return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128));
    };
    if (entries.every(valid)) return entries;
    problems.push(`${name} must be addresses or CIDR ranges of the proxies in front, or ${TRUST_PROXY_NAMES.join(', ')}, separated by commas, got "${raw}"`);
    return undefined;
  };
  const settings: Omit<GatewaySettings, 'security' | keyof ProcessSettings> = {
    host: set('HOST') ?? '127.0.0.1',
    port: integer('PORT', 4000, 0, 65535),
    production: isProduction(env),
    debugErrors: env.NLF_DEBUG_ERRORS === '1',
    supergraphPath,
    configPath: configPath ?? (standalone ? undefined : DEFAULT_CONFIG_PATH),
    standalone,
    registry: choice('NLF_REGISTRY', ['embedded', 'remote'], 'embedded'),
    watch: choice('NLF_WATCH', ['0', '1'], '1') === '1',
    subgraphTimeoutMs: integer('NLF_SUBGRAPH_TIMEOUT_MS', DEFAULT_SUBGRAPH_TIMEOUT_MS),
    operationLimits: {
      maxTokens: integer('NLF_MAX_TOKENS', DEFAULT_OPERATION_LIMITS.maxTokens),
      maxDepth: integer('NLF_MAX_DEPTH', DEFAULT_OPERATION_LIMITS.maxDepth),
      maxAliases: integer('NLF_MAX_ALIASES', DEFAULT_OPERATION_LIMITS.maxAliases, 0),
      maxCost: integer('NLF_MAX_COST', DEFAULT_OPERATION_LIMITS.maxCost),
      maxFanOut: integer('NLF_MAX_FAN_OUT', DEFAULT_OPERATION_LIMITS.maxFanOut),
      defaultListSize: DEFAULT_OPERATION_LIMITS.defaultListSize,
      measureCacheEntries: integer('NLF_MEASURE_CACHE_ENTRIES', DEFAULT_OPERATION_LIMITS.measureCacheEntries),
    },
    plannerPathsLimit: integer('NLF_PLANNER_PATHS_LIMIT', DEFAULT_PLANNER_PATHS_LIMIT),
    maxBodyBytes: integer('NLF_MAX_BODY_BYTES', DEFAULT_MAX_BODY_BYTES),
    maxBatch: integer('NLF_MAX_BATCH', DEFAULT_MAX_BATCH),
    rateLimitPerMinute: integer('NLF_RATE_LIMIT_PER_MINUTE', DEFAULT_RATE_LIMIT_PER_MINUTE, 0),
    rateLimitBurst: rateLimitBurstRaw === undefined ? undefined : integer('NLF_RATE_LIMIT_BURST', 1),
    rateLimitIdentities: integer('NLF_RATE_LIMIT_IDENTITIES', DEFAULT_RATE_LIMIT_IDENTITIES),
    redisUrl: redisUrl('NLF_REDIS_URL'),
    trustProxy: trustProxy('NLF_TRUST_PROXY'),
    responseCache: choice('NLF_RESPONSE_CACHE', ['on', 'off'], 'on') === 'on',
    responseCacheEntries: integer('NLF_RESPONSE_CACHE_ENTRIES', DEFAULT_RESPONSE_CACHE_ENTRIES),
    cacheFreshness: choice('NLF_CACHE_FRESHNESS', ['announced', 'checked'], 'announced'),
    inFlightSharing: choice('NLF_INFLIGHT_SHARING', ['on', 'off'], 'on') === 'on',
    refusalMemoEntries: integer('NLF_REFUSAL_MEMO_ENTRIES', DEFAULT_REFUSAL_MEMO_ENTRIES, 0),
    rememberedTokens: integer('NLF_REMEMBERED_TOKENS', DEFAULT_REMEMBERED_TOKENS),
    indicatorsMaxAge: set('NLF_INDICATORS_MAX_AGE') === undefined ? undefined : integer('NLF_INDICATORS_MAX_AGE', 60, 0),
    subgraphUrlVariables: readSubgraphUrlVariables(env),
  };
  let security: SecuritySettings | undefined;
  let processSettings: ProcessSettings | undefined;
  try {
    security = readSecuritySettings(env);
  } catch (error) {
    problems.push((error as Error).message);
  }
  try {
    processSettings = readProcessSettings(env);
  } catch (error) {
    problems.push((error as Error).message);
  }
  if (problems.length || !security || !processSettings) throw new Error(`the gateway's settings are invalid:\n- ${problems.join('\n- ')}`);
  return { ...settings, ...processSettings, security };
}

/** What `npm run registry` (the registry as a server of its own) takes from its environment. */
export interface RegistrySettings extends ProcessSettings {
  host: string;
  /** PORT; undefined: the port of the config's registry URL (4100). */
  port?: number;
  configPath: string;
  /** NLF_GATEWAY_PUBLIC_KEY (PEM): only calls the gateway signed are answered. */
  gatewayPublicKey?: string;
  debugErrors: boolean;
  /** Follow changes of the config file (NLF_WATCH=0: never). */
  watch: boolean;
  /** The TLS door for routers, as every kit subgraph has it (NLF_TLS_*, with the issuer's settings); undefined: the plain port only. */
  tls: TlsDoorSettings | undefined;
}

/** Reads the registry server's settings; one error names every variable set wrong. */
export function readRegistrySettings(env: NodeJS.ProcessEnv = process.env): RegistrySettings {
  const problems: string[] = [];
  const { set, integer, choice } = settingReaders(env, problems);
  const port = set('PORT') === undefined ? undefined : integer('PORT', 0, 0, 65535);
  const watch = choice('NLF_WATCH', ['0', '1'], '1');
  let processSettings: ProcessSettings | undefined;
  try {
    processSettings = readProcessSettings(env);
  } catch (error) {
    problems.push((error as Error).message);
  }
  let tls: TlsDoorSettings | undefined;
  try {
    tls = readTlsDoorSettings(env);
  } catch (error) {
    problems.push((error as Error).message);
  }
  if (problems.length || !processSettings) throw new Error(`the registry's settings are invalid:\n- ${problems.join('\n- ')}`);
  return {
    ...processSettings,
    host: set('HOST') ?? '127.0.0.1',
    port,
    configPath: set('NLF_FEDERATION_CONFIG') ?? DEFAULT_CONFIG_PATH,
    gatewayPublicKey: set('NLF_GATEWAY_PUBLIC_KEY'),
    debugErrors: env.NLF_DEBUG_ERRORS === '1',
    watch: watch === '1',
    tls,
  };
}
