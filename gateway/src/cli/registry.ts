import { createLogger, exitWithParent, gatewayKeyFrom, gracefulShutdown, tlsDoorFrom } from '@nlf/kit';
import { loadConfig } from '../config';
import { startRegistryServer } from '../registry/serveRegistry';
import { readRegistrySettings } from '../settings';

/**
 * `npm run registry`: the registry subgraph as a server of its own, on the port of the config's
 * registry URL (4100) unless PORT says otherwise, for gateways started with NLF_REGISTRY=remote and
 * for any other router running the supergraph. It follows the config file as the gateway does.
 */
async function main(): Promise<void> {
  const settings = readRegistrySettings();
  const logger = createLogger({ service: 'registry', level: settings.logLevel });
  const config = loadConfig(settings.configPath);
  const gatewayKey = await gatewayKeyFrom(settings.gatewayPublicKey);
  const registry = await startRegistryServer({
    config,
    configPath: settings.watch ? settings.configPath : undefined,
    gatewayKey,
    tls: settings.tls ? await tlsDoorFrom(settings.tls) : undefined,
    host: settings.host,
    port: settings.port ?? Number(new URL(config.registry.url).port || 80),
    debug: settings.debugErrors,
    logger,
  });
  logger.info({ url: registry.url }, `listening on ${registry.url}`);
  if (registry.tlsUrl) logger.info({ url: registry.tlsUrl }, `TLS door for routers on ${registry.tlsUrl}`);
  const stop = gracefulShutdown({ logger, graceMs: settings.shutdownGraceMs, close: () => registry.close() });
  process.on('SIGHUP', () => registry.reload());
  if (settings.exitWithParent) exitWithParent(() => stop('parent exited'));
}

main().catch((error: unknown) => {
  createLogger({ service: 'registry' }).fatal(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
