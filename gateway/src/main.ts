import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exitWithParent } from '@nlf/schema';
import { loadConfig } from './config';
import { startGateway } from './server';

/** The gateway process: config and supergraph from gateway/, PORT and HOST from the environment. */
async function main(): Promise<void> {
  const config = loadConfig(process.env.NLF_FEDERATION_CONFIG || undefined);
  const supergraphSdl = readFileSync(process.env.NLF_SUPERGRAPH || join(__dirname, '..', 'supergraph.graphql'), 'utf8');
  const port = process.env.PORT ? Number(process.env.PORT) : 4000;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${process.env.PORT}"`);
  const gateway = await startGateway({
    config,
    supergraphSdl,
    host: process.env.HOST || '127.0.0.1',
    port,
    debug: process.env.NLF_DEBUG_ERRORS === '1',
    responseCache: process.env.NLF_RESPONSE_CACHE !== 'off',
  });
  process.stderr.write(`[gateway] listening on ${gateway.url}\n`);
  const stop = async (signal: string) => {
    process.stderr.write(`[gateway] ${signal}: finishing requests in flight\n`);
    await gateway.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  exitWithParent(() => void stop('parent exited'));
}

main().catch((error: unknown) => {
  process.stderr.write(`[gateway] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
