import { DEFAULT_OPERATION_LIMITS, resolveOperationLimits } from '../limits/operationLimits';
import { isProduction, readGatewaySettings, readRegistrySettings, readToolSettings } from '../settings';
import { resolveSubgraphUrls } from '../reload/gatewaySupergraph';
import { loadConfig } from '../config';

// The two keys the gateway cannot start without; their form is checked when the gateway starts.
const required = { NLF_GATEWAY_SIGNING_KEY: 'signing key', NLF_AUTH_PUBLIC_KEY: 'public key' };

describe('readGatewaySettings', () => {
  it('gives every documented default when no variable is set, as npm start ships', () => {
    const settings = readGatewaySettings([], { ...required });
    expect(settings.operationLimits).toEqual({ maxTokens: 2000, maxDepth: 12, maxAliases: 30, maxCost: 50_000, maxFanOut: 150, defaultListSize: 20, measureCacheEntries: 1000 });
    expect(settings).toMatchObject({
      host: '127.0.0.1', port: 4000, production: false, plannerPathsLimit: 32, maxBodyBytes: 100_000, maxBatch: 5,
      rateLimitPerMinute: 600, rateLimitBurst: undefined, rateLimitIdentities: 100_000, responseCacheEntries: 1000, subgraphTimeoutMs: 10_000, watch: true, responseCache: true,
      cacheFreshness: 'announced', inFlightSharing: true, standalone: false, registry: 'embedded', refusalMemoEntries: 1000, rememberedTokens: 10_000,
      logLevel: 'info', tracesExporter: 'none', shutdownGraceMs: 25_000, exitWithParent: false,
    });
    // The rate limit's buckets in this process: nothing to run beside the gateway.
    expect(settings.redisUrl).toBeUndefined();
    // No proxy trusted: an anonymous caller is the address of its own connection.
    expect(settings.trustProxy).toBeUndefined();
  });

  it("reads NLF_TRUST_PROXY as the proxies' addresses, ranges or range names, refusing anything else", () => {
    expect(readGatewaySettings([], { ...required, NLF_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1', '::1']);
    expect(readGatewaySettings([], { ...required, NLF_TRUST_PROXY: 'uniquelocal' }).trustProxy).toEqual(['uniquelocal']);
    // A hop count is refused: Fastify would trust nothing for it, silently.
    for (const wrong of ['1', 'true', '10.0.0.0/33', 'nginx', '127.0.0.1/8/2']) {
      expect(() => readGatewaySettings([], { ...required, NLF_TRUST_PROXY: wrong })).toThrow('NLF_TRUST_PROXY must be addresses or CIDR ranges of the proxies in front');
    }
  });

  it('reads NLF_REDIS_URL, refusing anything but a redis:// or rediss:// URL without repeating it', () => {
    expect(readGatewaySettings([], { ...required, NLF_REDIS_URL: 'redis://redis:6379' }).redisUrl).toBe('redis://redis:6379');
    expect(readGatewaySettings([], { ...required, NLF_REDIS_URL: 'rediss://:secret@cache.example:6380/2' }).redisUrl).toBe('rediss://:secret@cache.example:6380/2');
    for (const wrong of ['http://:secret@redis:6379', 'redis-host:6379', 'redis://']) {
      let message = '';
      try {
        readGatewaySettings([], { ...required, NLF_REDIS_URL: wrong });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toContain('NLF_REDIS_URL must be a redis:// or rediss:// URL with a host');
      expect(message).not.toContain('secret');
    }
  });

  it('treats an empty variable as unset', () => {
    expect(readGatewaySettings([], { ...required, NLF_MAX_DEPTH: '', NLF_MAX_FAN_OUT: '' }).operationLimits).toMatchObject({ maxDepth: 12, maxFanOut: 150 });
  });

  it('reads the limits that are set', () => {
    const settings = readGatewaySettings([], { ...required, NLF_MAX_DEPTH: '4', NLF_MAX_FAN_OUT: '40', NLF_PLANNER_PATHS_LIMIT: '8', NODE_ENV: 'production' });
    expect(settings.operationLimits).toMatchObject({ maxDepth: 4, maxFanOut: 40, maxAliases: 30 });
    expect(settings).toMatchObject({ plannerPathsLimit: 8, production: true });
  });

  it('refuses to start on invalid values, naming every one', () => {
    expect(() => readGatewaySettings([], { ...required, NLF_MAX_DEPTH: 'ten', NLF_MAX_COST: '-1', NLF_RESPONSE_CACHE: 'maybe', PORT: '70000' })).toThrow(
      [
        "the gateway's settings are invalid:",
        '- PORT must be a whole number from 0 to 65535, got "70000"',
        '- NLF_MAX_DEPTH must be a whole number from 1 to any size, got "ten"',
        '- NLF_MAX_COST must be a whole number from 1 to any size, got "-1"',
        '- NLF_RESPONSE_CACHE must be "on" or "off", got "maybe"',
      ].join('\n'),
    );
    expect(() => readGatewaySettings([], {})).toThrow(/NLF_GATEWAY_SIGNING_KEY is required/);
    expect(() => readGatewaySettings([], { ...required, LOG_LEVEL: 'loud', PORT: 'x' })).toThrow(
      /- PORT must be a whole number[^\n]*\n- LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent, got "loud"$/,
    );
  });
});

describe('resolveOperationLimits', () => {
  it('keeps a default where an option is given as undefined', () => {
    expect(resolveOperationLimits({ maxDepth: undefined, maxAliases: 3 })).toEqual({ ...DEFAULT_OPERATION_LIMITS, maxAliases: 3 });
  });
});

describe('subgraph URL variables', () => {
  it('are none when no NLF_SUBGRAPH_URL_<NAME> is set, so the config\'s URLs serve', () => {
    const settings = readGatewaySettings([], { ...required });
    expect(settings.subgraphUrlVariables).toEqual({});
    const config = loadConfig();
    expect(resolveSubgraphUrls(config, {}, settings.subgraphUrlVariables).lederne).toBe(config.subgraphs.find((s) => s.name === 'lederne')!.url);
  });

  it('override the config\'s URL, and an explicit option overrides them', () => {
    const { subgraphUrlVariables } = readGatewaySettings([], { ...required, NLF_SUBGRAPH_URL_LEDERNE: 'http://127.0.0.1:5999/graphql' });
    const config = loadConfig();
    expect(resolveSubgraphUrls(config, {}, subgraphUrlVariables).lederne).toBe('http://127.0.0.1:5999/graphql');
    expect(resolveSubgraphUrls(config, { lederne: 'http://127.0.0.1:5998/graphql' }, subgraphUrlVariables).lederne).toBe('http://127.0.0.1:5998/graphql');
  });
});

describe('readToolSettings', () => {
  it('reads the URL variables and the signing key, and signs nothing when the key is unset', () => {
    expect(readToolSettings({})).toEqual({ subgraphUrlVariables: {}, signingKey: undefined });
    expect(readToolSettings({ NLF_SUBGRAPH_URL_FOA: 'http://127.0.0.1:5997/graphql', NLF_GATEWAY_SIGNING_KEY: 'pem' })).toEqual({
      subgraphUrlVariables: { NLF_SUBGRAPH_URL_FOA: 'http://127.0.0.1:5997/graphql' },
      signingKey: 'pem',
    });
  });
});

describe('isProduction', () => {
  it('is true for NODE_ENV=production only', () => {
    expect(isProduction({})).toBe(false);
    expect(isProduction({ NODE_ENV: 'development' })).toBe(false);
    expect(isProduction({ NODE_ENV: 'production' })).toBe(true);
  });
});

describe('NLF_REGISTRY and the registry server\'s settings', () => {
  it('calls the registry at its URL only when asked, and refuses any other value by name', () => {
    expect(readGatewaySettings([], { ...required, NLF_REGISTRY: 'remote' }).registry).toBe('remote');
    expect(() => readGatewaySettings([], { ...required, NLF_REGISTRY: 'elsewhere' })).toThrow('NLF_REGISTRY must be "embedded" or "remote", got "elsewhere"');
  });

  it('serves the registry on the config\'s port, watching the default config, with nothing set', () => {
    const settings = readRegistrySettings({});
    expect(settings).toMatchObject({ host: '127.0.0.1', port: undefined, watch: true, debugErrors: false, gatewayPublicKey: undefined, tls: undefined });
    expect(settings.configPath).toMatch(/gateway[/\\]federation\.config\.json$/);
  });

  it('names every registry setting set wrong', () => {
    expect(() => readRegistrySettings({ PORT: '70000', NLF_WATCH: 'yes' })).toThrow(/PORT must be a whole number from 0 to 65535, got "70000"[\s\S]*NLF_WATCH must be "0" or "1", got "yes"/);
    expect(() => readRegistrySettings({ NLF_TLS_PORT: '4200' })).toThrow('NLF_TLS_CERT_FILE, NLF_TLS_KEY_FILE, NLF_TLS_CLIENT_CA_FILE: must be set too');
  });
});
