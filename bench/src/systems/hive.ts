import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { readBenchSystemSettings, required } from '../benchSettings';
import { createBaselineSigner } from './signing';

/**
 * Stock Hive Gateway runtime with the Rust query planner (@graphql-hive/router-runtime) on the same
 * supergraph, its subgraph URLs pointed at the running subgraphs (the registry served on its own
 * port, since Hive cannot run it in-process). Everything else at its defaults, but for the smallest
 * hook our subgraphs require: an onFetch plugin that adds the gateway signature for the exact body,
 * made for the caller's bearer token.
 */
async function main(): Promise<void> {
  // Both packages are ESM-only.
  const { createGatewayRuntime } = await import('@graphql-hive/gateway-runtime');
  const { unifiedGraphHandler } = await import('@graphql-hive/router-runtime');
  const settings = readBenchSystemSettings();
  const signer = await createBaselineSigner(settings);
  const gateway = createGatewayRuntime({
    supergraph: readFileSync(required(settings.supergraphPath, 'BENCH_SUPERGRAPH'), 'utf8'),
    unifiedGraphHandler,
    logging: settings.hiveLog,
    plugins: () => [
      {
        async onFetch({ url, options, setOptions, context }: OnFetch) {
          const authorization = context?.request?.headers.get('authorization') ?? undefined;
          const signature = await signer.sign(url, String(options.body), authorization);
          if (signature) setOptions({ ...options, headers: { ...options.headers, [signer.header]: signature } });
        },
      },
    ],
  } as never);
  const server = createServer(gateway as never);
  server.keepAliveTimeout = 60_000;
  server.listen(settings.port, '127.0.0.1', () => process.stdout.write('ready\n'));
}

interface OnFetch {
  url: string;
  options: { body?: unknown; headers?: Record<string, string> };
  setOptions(options: object): void;
  context?: { request?: Request };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
