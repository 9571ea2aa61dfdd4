import { Kind, parse, print, type DefinitionNode } from 'graphql';
import { buildSubgraph } from './buildSchema';
import { FEDERATION_LINK } from './federation';

export const CONTRACT_INTERFACE = 'Organisation';

/**
 * The published contract: the shared value types and `interface Organisation @key(fields: "id")`.
 * It is what a union subgraph would print for an organisation type called "Organisation", turned into
 * the interface, so the classes stay the single source of truth.
 */
export async function contractSdl(): Promise<string> {
  const { sdl } = await buildSubgraph({ typeName: CONTRACT_INTERFACE });
  const document = parse(sdl);
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
  return `# The Nordic Leaders Federation contract. Generated from schema/src/contract: do not edit.\n${FEDERATION_LINK}\n\n${body}\n`;
}
