import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger, exitWithParent, gracefulShutdown, setupTracing } from '@nlf/schema';
import { readSecuritySettings } from './auth/settings';
import { DEFAULT_CONFIG_PATH, loadConfig } from './config';
import { startGateway } from './server';

function numberFromEnv(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return value;
}

/**
 * The gateway process: config and supergraph from gateway/, PORT and HOST from the environment.
 * `--supergraph <file>` (or NLF_SUPERGRAPH) without NLF_FEDERATION_CONFIG runs any composed
 * Federation 2 supergraph on its own: no registry, no config.
 */
async function main(argv: string[]): Promise<void> {
  const flag = argv.indexOf('--supergraph');
  if (flag >= 0 && !argv[flag + 1]) throw new Error('--supergraph needs a file');
  const supergraphPath = (flag >= 0 ? argv[flag + 1] : undefined) || process.env.NLF_SUPERGRAPH || undefined;
  const standalone = Boolean(supergraphPath) && !process.env.NLF_FEDERATION_CONFIG;
  const config = standalone ? undefined : loadConfig(process.env.NLF_FEDERATION_CONFIG || undefined);
  const supergraphSdl = readFileSync(supergraphPath ?? join(__dirname, '..', 'supergraph.graphql'), 'utf8');
  const port = process.env.PORT ? Number(process.env.PORT) : 4000;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${process.env.PORT}"`);
  const logger = createLogger({ service: 'gateway' });
  const tracing = setupTracing({ service: 'gateway' });
  const gateway = await startGateway({
    logger,
    config,
    supergraphSdl,
    host: process.env.HOST || '127.0.0.1',
    port,
    debug: process.env.NLF_DEBUG_ERRORS === '1',
    security: readSecuritySettings(),
    subgraphTimeoutMs: numberFromEnv('NLF_SUBGRAPH_TIMEOUT_MS'),
    operationLimits: {
      maxDepth: numberFromEnv('NLF_MAX_DEPTH'),
      maxAliases: numberFromEnv('NLF_MAX_ALIASES'),
      maxCost: numberFromEnv('NLF_MAX_COST'),
    },
    httpLimits: {
      maxBodyBytes: numberFromEnv('NLF_MAX_BODY_BYTES'),
      maxBatch: numberFromEnv('NLF_MAX_BATCH'),
      rateLimit: { perMinute: numberFromEnv('NLF_RATE_LIMIT_PER_MINUTE'), burst: numberFromEnv('NLF_RATE_LIMIT_BURST') },
    },
    // Watched for changes, which are applied without a restart (NLF_WATCH=0: never).
    ...(process.env.NLF_WATCH === '0'
      ? {}
      : standalone
        ? { supergraphPath }
        : { configPath: process.env.NLF_FEDERATION_CONFIG || DEFAULT_CONFIG_PATH }),
    responseCache: process.env.NLF_RESPONSE_CACHE === 'off' ? false : { freshness: cacheFreshness(process.env.NLF_CACHE_FRESHNESS) },
    inFlightSharing: process.env.NLF_INFLIGHT_SHARING !== 'off',
  });
  logger.info({ url: gateway.url }, `listening on ${gateway.url}`);
  const stop = gracefulShutdown({
    logger,
    close: async () => {
      await gateway.close();
      await tracing?.shutdown();
    },
  });
  process.on('SIGHUP', () => void gateway.reload());
  exitWithParent(() => stop('parent exited'));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  createLogger({ service: 'gateway' }).fatal(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

function cacheFreshness(value: string | undefined): 'announced' | 'checked' {
  if (value === undefined || value === '' || value === 'announced') return 'announced';
  if (value === 'checked') return 'checked';
  throw new Error(`NLF_CACHE_FRESHNESS is "${value}"; it must be "announced" or "checked"`);
}
