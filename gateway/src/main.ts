import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger, exitWithParent, gracefulShutdown, setupTracing } from '@nlf/schema';
import { loadConfig } from './config';
import { startGateway } from './server';

/** The gateway process: config and supergraph from gateway/, PORT and HOST from the environment. */
async function main(): Promise<void> {
  const config = loadConfig(process.env.NLF_FEDERATION_CONFIG || undefined);
  const supergraphSdl = readFileSync(process.env.NLF_SUPERGRAPH || join(__dirname, '..', 'supergraph.graphql'), 'utf8');
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
  });
  logger.info({ url: gateway.url }, `listening on ${gateway.url}`);
  const stop = gracefulShutdown({
    logger,
    close: async () => {
      await gateway.close();
      await tracing?.shutdown();
    },
  });
  exitWithParent(() => stop('parent exited'));
}

main().catch((error: unknown) => {
  createLogger({ service: 'gateway' }).fatal(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
