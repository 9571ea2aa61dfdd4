import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildASTSchema, Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { measureOperation } from '../operationCost';

// The schema clients see: the composed supergraph's API.
const supergraph = readFileSync(join(__dirname, '..', '..', '..', 'supergraph.graphql'), 'utf8');
const schema = buildASTSchema(parse(supergraph), { assumeValidSDL: true });

function measure(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  return measureOperation(schema, operation, fragments, variables, { defaultListSize: 20 });
}

describe('measureOperation', () => {
  it('counts depth without introspection fields', () => {
    expect(measure('{ organisation(id: "x") { councils { members { name __typename } } } }').depth).toBe(4);
  });

  it('multiplies list fields by `first`, from literals and variables', () => {
    // organisation 1 + leaderMembers 1 + 50 edges × (edge 1 + node 1 + id 1)
    expect(measure('{ organisation(id: "x") { leaderMembers(first: 50) { edges { node { id } } } } }').cost).toBe(1 + 1 + 50 * 3);
    const byVariable = measure('query($n: Int) { organisation(id: "x") { leaderMembers(first: $n) { edges { cursor } } } }', { n: 7 });
    expect(byVariable.cost).toBe(1 + 1 + 7 * 2);
  });

  it('assumes the default size for lists without `first`, nested lists multiply', () => {
    // 20 organisations × (1 + 20 councils × (council 1 + name 1))
    expect(measure('{ organisations { councils { name } } }').cost).toBe(20 * (1 + 20 * 2));
  });

  it('counts aliases and follows fragments', () => {
    const result = measure('{ a: organisation(id: "x") { ...F } b: organisation(id: "y") { ...F } } fragment F on Organisation { name forums { name } }');
    expect(result.aliases).toBe(2);
    expect(result.depth).toBe(3);
  });
});
