import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { defineOrganisationType, type OrganisationClass } from '@nlf/contract';
import { buildFederatedSchema } from './buildFederatedSchema';
import type { SubgraphContext } from './context';
import { kitResolvers, loadOrganisation } from './resolvers';
import { guardPersonalFields } from './personalFields';
import { personalDataGuard } from './privacyService';

export interface SubgraphSchemaOptions {
  /** The subgraph's organisation type, e.g. "Lederne". */
  typeName: string;
  /**
   * type-graphql resolvers beyond the contract. Default: none. A field of the union's own that
   * returns personal data carries `@Personal()` (from @nlf/contract): the kit then lets only
   * the union's own staff read it and audits every read, and the gateway never caches or shares it.
   */
  resolvers?: ExtraResolvers;
}

/** Resolver classes, or a function of the subgraph's organisation type giving them (`@Resolver(() => OrganisationType)`). */
export type ExtraResolvers = Function[] | ((OrganisationType: OrganisationClass) => Function[]);

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
  const { schema, sdl } = await buildFederatedSchema<SubgraphContext>({
    resolvers: [
      ...kitResolvers(OrganisationType),
      ...(typeof options.resolvers === 'function' ? options.resolvers(OrganisationType) : (options.resolvers ?? [])),
    ],
    guardPersonalFields: (schema, sdl) => guardPersonalFields(schema, sdl, options.typeName, personalDataGuard),
    // Nothing reaches the organisation type from Query: the gateway reaches it through _entities.
    orphanedTypes: [OrganisationType],
    referenceResolvers: {
      [options.typeName]: {
        // 50 references in one _entities call are one query: the loader batches them.
        __resolveReference: (reference: { id: string }, context: SubgraphContext) => loadOrganisation(context, reference.id),
      } as never,
    },
  });
  return { OrganisationType, schema, sdl };
}
