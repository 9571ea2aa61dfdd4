import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildRegistrySchema, loadConfig } from '@nlf/gateway';
import { readBenchSystemSettings } from '../benchSettings';

/** The registry subgraph on a port of its own, for a gateway that cannot run it in-process (Hive). */
async function main(): Promise<void> {
  const server = new ApolloServer({ schema: buildRegistrySchema(loadConfig()) });
  await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: readBenchSystemSettings().port } });
  process.stdout.write('ready\n');
}
main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
