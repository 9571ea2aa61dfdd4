import 'reflect-metadata';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, Query, Resolver, type NonEmptyArray } from 'type-graphql';
import type { SubgraphContext } from './context';
import { PLACEHOLDER_QUERY_FIELD, printSubgraphSdl } from '@nlf/contract';
import { assertPersonalFieldsMarked } from './personalFields';
import { personalFieldCoordinates } from '@nlf/contract';

@Resolver()
class PlaceholderResolver {
  @Query(() => Boolean, { name: PLACEHOLDER_QUERY_FIELD })
  placeholder(): boolean {
    return true;
  }
}

export interface FederatedSchemaOptions<TContext = SubgraphContext> {
  /** type-graphql resolver classes. A subgraph without root fields of its own may pass none. */
  resolvers: Function[];
  /** Types no root field reaches, e.g. entities the gateway reaches only through `_entities`. Default: none. */
  orphanedTypes?: Function[];
  /**
   * Resolvers merged over type-graphql's, by type name: `__resolveReference` of entity types (batched
   * through a DataLoader). Default: none, so a reference resolves to its representation.
   */
  referenceResolvers?: GraphQLResolverMap<TContext>;
  /**
   * Checks and audits the reads of the fields marked personal (the union kit passes its own). A
   * subgraph without it may not mark any field: it would serve them unguarded. Default: none.
   */
  guardPersonalFields?: (schema: GraphQLSchema, sdl: string) => void;
}

export interface FederatedSchema {
  /** Executable federated schema. */
  schema: GraphQLSchema;
  /** The subgraph SDL, as composition reads it. */
  sdl: string;
}

/**
 * type-graphql resolvers → a Federation 2 subgraph schema: the federation header, the placeholder
 * root field type-graphql needs removed, and the reference resolvers added. Every subgraph of this
 * federation is built with it, whether it serves an organisation type or not.
 */
export async function buildFederatedSchema<TContext = SubgraphContext>(
  options: FederatedSchemaOptions<TContext>,
): Promise<FederatedSchema> {
  const resolvers = [PlaceholderResolver, ...options.resolvers] as unknown as NonEmptyArray<Function>;
  // skipCheck: federation directives and entity types are checked by buildSubgraphSchema instead.
  const typeGraphqlSchema = await buildSchema({
    resolvers,
    orphanedTypes: options.orphanedTypes ?? [],
    skipCheck: true,
    validate: false,
  });
  const sdl = printSubgraphSdl(typeGraphqlSchema);

  const resolverMap = createResolversMap(typeGraphqlSchema) as GraphQLResolverMap<TContext>;
  const { [PLACEHOLDER_QUERY_FIELD]: _placeholder, ...queryResolvers } = (resolverMap.Query ?? {}) as Record<string, unknown>;
  const merged: GraphQLResolverMap<TContext> = { ...resolverMap };
  delete merged.Query;
  if (Object.keys(queryResolvers).length) merged.Query = queryResolvers as never;
  for (const [typeName, extra] of Object.entries(options.referenceResolvers ?? {})) {
    merged[typeName] = { ...(resolverMap[typeName] as object), ...(extra as object) } as never;
  }

  const schema = buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers: merged as never }]);
  // Personal data served through an unmarked field, or marked fields nobody guards: refuse to start.
  assertPersonalFieldsMarked(sdl);
  if (options.guardPersonalFields) options.guardPersonalFields(schema, sdl);
  else if (personalFieldCoordinates(sdl).length) {
    throw new Error(`${personalFieldCoordinates(sdl).join(', ')} marked personal, but this subgraph has no guard for personal fields`);
  }
  return { schema, sdl };
}
