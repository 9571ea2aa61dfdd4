import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { allOrganisations, loadConfig, registryResolvers } from '@nlf/gateway';
import {
  createContext, DEFAULT_PAGE_SIZE, leaderMemberPage, leaderMemberSearch, openDatabase, registerStats, toBranch, toCouncil,
  toCouncilMember, toForum, toOrganisation, toSection, type Database, type SubgraphContext, type Viewer,
} from '@nlf/schema';
import { buildSchema, GraphQLInterfaceType, GraphQLObjectType, printSchema, type GraphQLFieldResolver } from 'graphql';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createBaselineAuthenticator } from './signing';


/**
 * The limit for federation overhead: one @apollo/server with the same public schema, answering from
 * the same five databases with the kit's own loaders, mappers and register service, no federation.
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
  const config = loadConfig();
  const organisations = allOrganisations(config);
  const databaseUrls = JSON.parse(process.env.BENCH_DATABASE_URLS!) as Record<string, string>;
  const databases: Record<string, Database> = {};
  for (const [name, url] of Object.entries(databaseUrls)) databases[name] = await openDatabase({ url });

  // The public schema exactly as the gateway serves it.
  const gateway = new ApolloGateway({ supergraphSdl: readFileSync(process.env.BENCH_SUPERGRAPH!, 'utf8') });
  const { schema: apiSchema } = await gateway.load();
  await gateway.stop();
  const schema = buildSchema(printSchema(apiSchema));

  const load = async (id: string, context: Context): Promise<Org | null> => {
    const entry = organisations.find((org) => org.id === id);
    if (!entry) return null;
    const row = await context.loaders(entry.subgraph).organisation.load(id);
    return row ? { ...toOrganisation(row), __typename: entry.typeName, __subgraph: entry.subgraph } : null;
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
      (await c.loaders(org.__subgraph).councils.load(org.id)).map((row) => ({ ...toCouncil(row), __subgraph: org.__subgraph })));
    on('forums', async (org, _a, c) => (await c.loaders(org.__subgraph).forums.load(org.id)).map(toForum));
    on('branches', async (org, _a, c) => (await c.loaders(org.__subgraph).branches.load(org.id)).map(toBranch));
    on('sections', async (org, _a, c) => (await c.loaders(org.__subgraph).sections.load(org.id)).map(toSection));
    on('register', (org, _a, c) => registerStats(c.context(org.__subgraph), org.id));
    on('leaderMembers', (org, args: { first?: number | null; after?: string | null }, c) =>
      leaderMemberPage(c.context(org.__subgraph), org.id, args.first ?? DEFAULT_PAGE_SIZE, args.after));
    on('leaderMemberSearch', (org, args: { text: string; first?: number | null; after?: string | null }, c) =>
      leaderMemberSearch(c.context(org.__subgraph), org.id, args.text, args.first ?? DEFAULT_PAGE_SIZE, args.after));
  }
  set('Council', 'members', async (council: { id: string; __subgraph: string }, _a, c) =>
    (await c.loaders(council.__subgraph).councilMembers.load(council.id)).map(toCouncilMember));

  // No gateway in front: the monolith verifies the caller's bearer token itself, as ours does.
  const authenticate = await createBaselineAuthenticator();
  const server = new ApolloServer<Context>({ schema, plugins: [ApolloServerPluginInlineTraceDisabled()] });
  await startStandaloneServer(server, {
    listen: { host: '127.0.0.1', port: Number(process.env.PORT) },
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
  }).listen(Number(process.env.METRICS_PORT), '127.0.0.1', () => process.stdout.write('ready\n'));
}
main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
