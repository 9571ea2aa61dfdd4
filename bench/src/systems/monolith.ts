import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { allOrganisations, loadConfig, registryResolvers } from '@nlf/gateway';
import { DEFAULT_PAGE_SIZE, type Council, type Viewer } from '@nlf/contract';
import { createContext, kitRelations, loadOrganisation, openDatabase, type Database, type SubgraphContext } from '@nlf/kit';
import { buildSchema, GraphQLInterfaceType, GraphQLObjectType, printSchema, type GraphQLFieldResolver } from 'graphql';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { readBenchSystemSettings, required } from '../benchSettings';
import { createBaselineAuthenticator } from './signing';

/**
 * The limit for federation overhead: one @apollo/server with the same public schema, answering from
 * the same five databases with the kit's own answers (kitRelations: its loaders, mappers and services), no federation.
 */
interface Context {
  context(subgraph: string): SubgraphContext;
  loaders(subgraph: string): SubgraphContext['loaders'];
}
interface Org {
  __typename: string;
  __subgraph: string;
  id: string;
  [field: string]: unknown;
}

async function main(): Promise<void> {
  const settings = readBenchSystemSettings();
  const config = loadConfig();
  const organisations = allOrganisations(config);
  const databaseUrls = required(settings.databaseUrls, 'BENCH_DATABASE_URLS');
  const databases: Record<string, Database> = {};
  for (const [name, url] of Object.entries(databaseUrls)) databases[name] = await openDatabase({ url });

  // The public schema exactly as the gateway serves it.
  const gateway = new ApolloGateway({ supergraphSdl: readFileSync(required(settings.supergraphPath, 'BENCH_SUPERGRAPH'), 'utf8') });
  const { schema: apiSchema } = await gateway.load();
  await gateway.stop();
  const schema = buildSchema(printSchema(apiSchema));

  const load = async (id: string, context: Context): Promise<Org | null> => {
    const entry = organisations.find((org) => org.id === id);
    if (!entry) return null;
    const org = await loadOrganisation(context.context(entry.subgraph), id);
    return org ? { ...org, __typename: entry.typeName, __subgraph: entry.subgraph } : null;
  };
  const registry = registryResolvers(config);
  const set = (type: string, field: string, resolve: GraphQLFieldResolver<any, Context, any>) => {
    (schema.getType(type) as GraphQLObjectType).getFields()[field]!.resolve = resolve;
  };

  set('Query', 'organisations', (_, args, context) =>
    Promise.all(registry.Query.organisations(undefined, args).map((ref) => load(ref.id, context))));
  set('Query', 'organisation', (_, args: { id: string }, context) => load(args.id, context));
  set('Query', 'comparison', (_, args) => registry.Query.comparison(undefined, args));
  set('Comparison', 'country', (comparison) => registry.Comparison.country(comparison));
  set('Comparison', 'organisations', (comparison, _args, context) =>
    Promise.all(registry.Comparison.organisations(comparison).map((ref) => load(ref.id, context))));
  for (const figure of ['leaderMemberCount', 'memberCount'] as const) {
    set('Comparison', figure, async (comparison, _args, context) => {
      const orgs = await Promise.all(registry.Comparison.organisations(comparison).map((ref) => load(ref.id, context)));
      return registry.Comparison[figure]({ id: comparison.id, organisations: orgs as never });
    });
  }
  (schema.getType('Organisation') as GraphQLInterfaceType).resolveType = (org: Org) => org.__typename;
  for (const subgraph of config.subgraphs) {
    const on = (field: string, resolve: GraphQLFieldResolver<Org, Context, any>) => set(subgraph.typeName, field, resolve);
    on('councils', async (org, _a, c) =>
      (await kitRelations.councils(org as never, c.context(org.__subgraph))).map((council) => ({ ...council, __subgraph: org.__subgraph })));
    for (const field of ['forums', 'branches', 'sections', 'register'] as const) {
      on(field, (org, _a, c) => kitRelations[field](org as never, c.context(org.__subgraph)));
    }
    on('leaderMembers', (org, args: { first?: number | null; after?: string | null }, c) =>
      kitRelations.leaderMembers(org as never, c.context(org.__subgraph), { first: args.first ?? DEFAULT_PAGE_SIZE, after: args.after }));
    on('leaderMemberSearch', (org, args: { text: string; first?: number | null; after?: string | null }, c) =>
      kitRelations.leaderMemberSearch(org as never, c.context(org.__subgraph), { text: args.text, first: args.first ?? DEFAULT_PAGE_SIZE, after: args.after }));
  }
  set('Council', 'members', (council: Council & { __subgraph: string }, _a, c) => kitRelations.councilMembers(council, c.context(council.__subgraph)));

  // No gateway in front: the monolith verifies the caller's bearer token itself, as ours does.
  const authenticate = await createBaselineAuthenticator(settings);
  const server = new ApolloServer<Context>({ schema, plugins: [ApolloServerPluginInlineTraceDisabled()] });
  await startStandaloneServer(server, {
    listen: { host: '127.0.0.1', port: settings.port },
    context: async ({ req }) => {
      const viewer: Viewer = await authenticate(req.headers.authorization);
      const perRequest = new Map<string, SubgraphContext>();
      const context = (name: string) => {
        let subgraph = perRequest.get(name);
        if (!subgraph) {
          subgraph = createContext(databases[name]!.orm, { subgraph: name, suppressionThreshold: 5 }, viewer);
          perRequest.set(name, subgraph);
        }
        return subgraph;
      };
      return { context, loaders: (name: string) => context(name).loaders };
    },
  });
  // SQL statements of all five databases, in the subgraphs' metric format.
  createServer((_request, response) => {
    const total = Object.values(databases).reduce((sum, db) => sum + db.statementCount(), 0);
    response.end(`nlf_sql_statements_total{subgraph="monolith"} ${total}\n`);
  }).listen(required(settings.metricsPort, 'METRICS_PORT'), '127.0.0.1', () => process.stdout.write('ready\n'));
}
main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
