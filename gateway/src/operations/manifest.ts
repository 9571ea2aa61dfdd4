import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, print, validate, visit, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';

/** Apollo's persisted query manifest format, so Apollo tooling and routers can read it too. */
export interface PersistedOperation {
  /** sha256 of body: the id a client sends as extensions.persistedQuery.sha256Hash. */
  id: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  body: string;
}

export interface PersistedOperationManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: PersistedOperation[];
}

export const OPERATIONS_DIR = join(__dirname, '..', '..', 'operations');
export const MANIFEST_PATH = join(__dirname, '..', '..', 'persisted-operations.json');

export class OperationValidationError extends Error {
  constructor(operation: string, problems: readonly string[]) {
    super(`registered operation ${operation} does not fit the supergraph:\n- ${problems.join('\n- ')}`);
    this.name = 'OperationValidationError';
  }
}

function fragmentsUsedBy(node: OperationDefinitionNode | FragmentDefinitionNode, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): Set<string> {
  visit(node, {
    FragmentSpread(spread) {
      if (seen.has(spread.name.value)) return;
      seen.add(spread.name.value);
      const fragment = fragments.get(spread.name.value);
      if (fragment) fragmentsUsedBy(fragment, fragments, seen);
    },
  });
  return seen;
}

/** Every named operation of the documents, each with the fragments it uses, checked against the API schema. */
export function buildManifest(documents: readonly string[], apiSchema: GraphQLSchema): PersistedOperationManifest {
  const definitions = documents.flatMap((text) => parse(text).definitions);
  const fragments = new Map(
    definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const operations = definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((operation): PersistedOperation => {
      const name = operation.name?.value;
      if (!name) throw new OperationValidationError('(anonymous)', ['every registered operation needs a name']);
      const used = [...fragmentsUsedBy(operation, fragments)].sort().map((fragmentName) => fragments.get(fragmentName)!);
      const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...used] };
      const problems = validate(apiSchema, document).map((error) => error.message);
      if (problems.length) throw new OperationValidationError(name, problems);
      const body = print(document);
      return { id: createHash('sha256').update(body).digest('hex'), name, type: operation.operation, body };
    });
  return { format: 'apollo-persisted-query-manifest', version: 1, operations };
}

export function loadManifest(path: string = MANIFEST_PATH): PersistedOperationManifest {
  return JSON.parse(readFileSync(path, 'utf8')) as PersistedOperationManifest;
}
