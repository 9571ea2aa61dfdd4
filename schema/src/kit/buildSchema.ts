import 'reflect-metadata';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, Query, Resolver, type NonEmptyArray } from 'type-graphql';
import { defineOrganisationType, type OrganisationClass } from '../contract';
import type { SubgraphContext } from './context';
import { PLACEHOLDER_QUERY_FIELD, printSubgraphSdl } from './federation';
import { toOrganisation } from './mapper';
import { createIndicatorsResolver } from './indicatorsResolver';
import { CouncilResolver, createOrganisationResolver } from './resolvers';

@Resolver()
class PlaceholderResolver {
  @Query(() => Boolean, { name: PLACEHOLDER_QUERY_FIELD })
  placeholder(): boolean {
    return true;
  }
}

export interface SubgraphSchemaOptions {
  /** The subgraph's organisation type, e.g. "Lederne". */
  typeName: string;
  /** type-graphql resolvers beyond the contract. Default: none. */
  resolvers?: Function[];
}

export interface BuiltSubgraphSchema {
  OrganisationType: OrganisationClass;
  /** Executable federated schema. */
  schema: GraphQLSchema;
  /** The subgraph SDL, as composition reads it. */
  sdl: string;
}

/** Contract types + the subgraph's own organisation type → a Federation 2 subgraph schema. */
export async function buildSubgraph(options: SubgraphSchemaOptions): Promise<BuiltSubgraphSchema> {
  const OrganisationType = defineOrganisationType(options.typeName);
  const resolvers = [
    PlaceholderResolver,
    CouncilResolver,
    createOrganisationResolver(OrganisationType),
    createIndicatorsResolver(OrganisationType),
    ...(options.resolvers ?? []),
  ] as unknown as NonEmptyArray<Function>;
  // skipCheck: federation directives and entity types are checked by buildSubgraphSchema instead.
  const typeGraphqlSchema = await buildSchema({
    resolvers,
    // Nothing reaches the organisation type from Query: the gateway reaches it through _entities.
    orphanedTypes: [OrganisationType],
    skipCheck: true,
    validate: false,
  });
  const sdl = printSubgraphSdl(typeGraphqlSchema);

  const resolverMap = createResolversMap(typeGraphqlSchema) as GraphQLResolverMap<SubgraphContext>;
  const { [PLACEHOLDER_QUERY_FIELD]: _placeholder, ...queryResolvers } = (resolverMap.Query ?? {}) as Record<string, unknown>;
  const resolversWithoutPlaceholder: GraphQLResolverMap<SubgraphContext> = { ...resolverMap };
  delete resolversWithoutPlaceholder.Query;
  if (Object.keys(queryResolvers).length) resolversWithoutPlaceholder.Query = queryResolvers as never;

  const referenceResolvers: GraphQLResolverMap<SubgraphContext> = {
    [options.typeName]: {
      ...(resolverMap[options.typeName] as object),
      // 50 references in one _entities call are one query: the loader batches them.
      __resolveReference: async (reference: { id: string }, context: SubgraphContext) => {
        const row = await context.loaders.organisation.load(reference.id);
        return row ? toOrganisation(row) : null;
      },
    } as never,
  };

  const schema = buildSubgraphSchema([
    { typeDefs: parse(sdl), resolvers: { ...resolversWithoutPlaceholder, ...referenceResolvers } },
  ]);
  return { OrganisationType, schema, sdl };
}
