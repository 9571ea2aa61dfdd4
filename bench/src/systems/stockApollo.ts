import { ApolloGateway, LocalGraphQLDataSource, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildRegistrySchema, loadConfig, REGISTRY_NAME } from '@nlf/gateway';
import { readFileSync } from 'node:fs';

/**
 * Stock @apollo/gateway with default settings (its own HTTP client, no plugins) on Apollo Server's
 * standalone server, on the same subgraphs and supergraph. The registry runs in-process as in ours,
 * since it has no server of its own.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const urls = JSON.parse(process.env.BENCH_SUBGRAPH_URLS!) as Record<string, string>;
  const registry = buildRegistrySchema(config);
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(process.env.BENCH_SUPERGRAPH!, 'utf8'),
    buildService: ({ name }) => (name === REGISTRY_NAME ? new LocalGraphQLDataSource(registry) : new RemoteGraphQLDataSource({ url: urls[name] })),
  });
  const server = new ApolloServer({ gateway });
  await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: Number(process.env.PORT) } });
  process.stdout.write('ready\n');
}
main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
