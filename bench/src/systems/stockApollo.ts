import { ApolloGateway, LocalGraphQLDataSource, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildRegistrySchema, loadConfig, REGISTRY_NAME } from '@nlf/gateway';
import { readFileSync } from 'node:fs';
import { readBenchSystemSettings, required } from '../benchSettings';
import { createBaselineSigner } from './signing';

interface Context {
  authorization?: string;
}

/**
 * Stock @apollo/gateway with default settings (its own HTTP client, no plugins) on Apollo Server's
 * standalone server, on the same subgraphs and supergraph. The registry runs in-process as in ours,
 * since it has no server of its own. Our subgraphs answer only signed calls, so the data source
 * forwards the caller's Authorization header (Apollo's documented header propagation) and its
 * fetcher is the default one wrapped to add the signature for the exact body; nothing else changes.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const settings = readBenchSystemSettings();
  const urls = required(settings.subgraphUrls, 'BENCH_SUBGRAPH_URLS');
  const registry = buildRegistrySchema(config);
  const signer = await createBaselineSigner(settings);
  // Wraps the data source's own default fetcher (make-fetch-happen, as @apollo/gateway sets it up).
  const signed = (inner: RemoteGraphQLDataSource['fetcher']): RemoteGraphQLDataSource['fetcher'] =>
    (async (url: string, init: { body: string; headers: Record<string, string> }) => {
      // The data source hands its fetcher plain headers (lower-case names from its Headers object).
      const { authorization, ...headers } = init.headers;
      const signature = await signer.sign(url, init.body, authorization);
      return inner(url, { ...init, headers: signature ? { ...headers, [signer.header]: signature } : headers } as never);
    }) as never;
  const remote = (url: string) => {
    const source = new RemoteGraphQLDataSource<Context>({
      url,
      willSendRequest({ request, context }) {
        if (context.authorization) request.http?.headers.set('authorization', context.authorization);
      },
    });
    source.fetcher = signed(source.fetcher);
    return source;
  };
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(required(settings.supergraphPath, 'BENCH_SUPERGRAPH'), 'utf8'),
    buildService: ({ name }) =>
      name === REGISTRY_NAME
        ? new LocalGraphQLDataSource(registry)
        : remote(urls[name]!),
  });
  const server = new ApolloServer<Context>({ gateway });
  await startStandaloneServer(server, {
    listen: { host: '127.0.0.1', port: settings.port },
    context: async ({ req }) => ({ authorization: req.headers.authorization }),
  });
  // A normal exit, so that a CPU profile (npm run bench:profile) is written.
  process.once('SIGTERM', () => process.exit(0));
  process.stdout.write('ready\n');
}
main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
