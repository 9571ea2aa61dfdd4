import 'reflect-metadata';
import { Kind, parse, print, type DefinitionNode } from 'graphql';
import { buildSchema, Query, Resolver, type NonEmptyArray } from 'type-graphql';
import { CONTRACT_INTERFACE, FEDERATION_LINK, PLACEHOLDER_QUERY_FIELD, printSubgraphSdl } from './federation';
import { defineOrganisationType } from './organisation';
import { contractResolvers, type ContractRelations } from './relations';

@Resolver()
class ContractPlaceholderResolver {
  @Query(() => Boolean, { name: PLACEHOLDER_QUERY_FIELD })
  placeholder(): boolean {
    return true;
  }
}

/** Printing reads the declarations only: no relation is ever answered. */
const declarationsOnly = new Proxy({} as ContractRelations<unknown>, {
  get: (_target, field) => () => {
    throw new Error(`the contract SDL printer answers no field (${String(field)})`);
  },
});

/**
 * The published contract: the shared value types and `interface Organisation @key(fields: "id")`,
 * printed from the contract's classes and its relation declarations (relations.ts) alone, so an
 * organisation type named "Organisation" becomes the interface and nothing of the kit is involved.
 */
export async function contractSdl(): Promise<string> {
  const OrganisationType = defineOrganisationType(CONTRACT_INTERFACE);
  const resolvers = [ContractPlaceholderResolver, ...contractResolvers(OrganisationType, declarationsOnly)] as unknown as NonEmptyArray<Function>;
  const schema = await buildSchema({ resolvers, orphanedTypes: [OrganisationType], skipCheck: true, validate: false });
  const document = parse(printSubgraphSdl(schema));
  const definitions = document.definitions.map((definition): DefinitionNode => {
    if (definition.kind === Kind.OBJECT_TYPE_DEFINITION && definition.name.value === CONTRACT_INTERFACE) {
      return {
        ...definition,
        kind: Kind.INTERFACE_TYPE_DEFINITION,
        description: {
          kind: Kind.STRING,
          value:
            'Every organisation in the federation. Each subgraph implements it with a type of its own name ' +
            '(Lederne, LoDenmark...); tell organisations apart by `kind`, never by __typename.',
        },
      };
    }
    return definition;
  });
  const body = print({ ...document, definitions: definitions.filter((d) => d.kind !== Kind.SCHEMA_EXTENSION) });
  return `# The Nordic Leaders Federation contract. Generated from packages/contract/src: do not edit.\n${FEDERATION_LINK}\n\n${body}\n`;
}
