import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger, exitWithParent, gracefulShutdown, setupTracing } from '@nlf/kit';
import { loadConfig } from './config';
import { startGateway } from './server';
import { readGatewaySettings } from './settings';

/**
 * The gateway process: config and supergraph from gateway/, every setting from the environment,
 * read and checked once (settings.ts). `--supergraph <file>` (or NLF_SUPERGRAPH) without
 * NLF_FEDERATION_CONFIG runs any composed Federation 2 supergraph on its own: no registry, no config.
 */
async function main(argv: string[]): Promise<void> {
  const settings = readGatewaySettings(argv);
  const config = settings.standalone ? undefined : loadConfig(settings.configPath);
  const supergraphSdl = readFileSync(settings.supergraphPath ?? join(__dirname, '..', 'supergraph.graphql'), 'utf8');
  const logger = createLogger({ service: 'gateway', level: settings.logLevel });
  const tracing = setupTracing({ service: 'gateway', exporter: settings.tracesExporter });
  const gateway = await startGateway({
    logger,
    config,
    registry: settings.registry,
    supergraphSdl,
    host: settings.host,
    port: settings.port,
    trustProxy: settings.trustProxy,
    debug: settings.debugErrors,
    development: !settings.production,
    security: settings.security,
    subgraphTimeoutMs: settings.subgraphTimeoutMs,
    operationLimits: settings.operationLimits,
    plannerPathsLimit: settings.plannerPathsLimit,
    httpLimits: {
      maxBodyBytes: settings.maxBodyBytes,
      maxBatch: settings.maxBatch,
      rateLimit: {
        perMinute: settings.rateLimitPerMinute,
        burst: settings.rateLimitBurst,
        maxIdentities: settings.rateLimitIdentities,
        redisUrl: settings.redisUrl,
      },
    },
    // Watched for changes, which are applied without a restart (NLF_WATCH=0: never).
    ...(!settings.watch ? {} : settings.standalone ? { supergraphPath: settings.supergraphPath } : { configPath: settings.configPath }),
    responseCache: settings.responseCache ? { freshness: settings.cacheFreshness, maxEntries: settings.responseCacheEntries } : false,
    inFlightSharing: settings.inFlightSharing,
    refusalMemoEntries: settings.refusalMemoEntries,
    rememberedTokens: settings.rememberedTokens,
    registeredOperationMaxAge: settings.indicatorsMaxAge,
    subgraphUrlVariables: settings.subgraphUrlVariables,
  });
  logger.info({ url: gateway.url }, `listening on ${gateway.url}`);
  const stop = gracefulShutdown({
    logger,
    graceMs: settings.shutdownGraceMs,
    close: async () => {
      await gateway.close();
      await tracing?.shutdown();
    },
  });
  process.on('SIGHUP', () => void gateway.reload());
  if (settings.exitWithParent) exitWithParent(() => stop('parent exited'));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  createLogger({ service: 'gateway' }).fatal(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
