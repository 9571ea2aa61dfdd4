import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { Kind, parse, print, type DocumentNode, type GraphQLSchema } from 'graphql';

/** The contract's interface that every union's own organisation type implements. */
export const CONTRACT_INTERFACE = 'Organisation';

/** The Federation 2 header every subgraph of this federation declares. */
export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@external", "@requires", "@interfaceObject", "@tag"])';

/**
 * type-graphql cannot build a schema without a Query type, but a union subgraph must not add root
 * fields to the supergraph (the registry owns them). The kit builds with a placeholder root field
 * and removes it here.
 */
export const PLACEHOLDER_QUERY_FIELD = '_subgraphPlaceholder';

function withoutPlaceholder(document: DocumentNode): DocumentNode {
  return {
    ...document,
    definitions: document.definitions.flatMap((definition) => {
      // Root types keep their default names, so the explicit schema definition adds nothing.
      if (definition.kind === Kind.SCHEMA_DEFINITION) return [];
      if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION || definition.name.value !== 'Query') return [definition];
      const fields = (definition.fields ?? []).filter((field) => field.name.value !== PLACEHOLDER_QUERY_FIELD);
      return fields.length ? [{ ...definition, fields }] : [];
    }),
  };
}

/** Subgraph SDL of a type-graphql schema: its directives kept, the federation header added. */
export function printSubgraphSdl(schema: GraphQLSchema): string {
  const document = withoutPlaceholder(parse(printSchemaWithDirectives(schema)));
  return `${FEDERATION_LINK}\n\n${print(document)}\n`;
}
