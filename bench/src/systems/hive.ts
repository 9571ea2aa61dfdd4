import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

/**
 * Stock Hive Gateway runtime with the Rust query planner (@graphql-hive/router-runtime) on the same
 * supergraph, its subgraph URLs pointed at the running subgraphs (the registry served on its own
 * port, since Hive cannot run it in-process). Everything else at its defaults.
 */
async function main(): Promise<void> {
  // Both packages are ESM-only.
  const { createGatewayRuntime } = await import('@graphql-hive/gateway-runtime');
  const { unifiedGraphHandler } = await import('@graphql-hive/router-runtime');
  const gateway = createGatewayRuntime({
    supergraph: readFileSync(process.env.BENCH_SUPERGRAPH!, 'utf8'),
    unifiedGraphHandler,
    logging: false,
  } as never);
  const server = createServer(gateway as never);
  server.keepAliveTimeout = 60_000;
  server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('ready\n'));
}
main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
