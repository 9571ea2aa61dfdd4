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
  it('counts introspection fields like any other field', () => {
    const plain = measure('{ organisation(id: "x") { councils { members { name } } } }');
    const typed = measure('{ organisation(id: "x") { councils { members { name __typename } } } }');
    expect(typed.depth).toBe(4);
    // 20 councils (records: they have an id) × members, a list of values counted once: 20 more.
    expect(typed.cost).toBe(plain.cost + 20);
    // __schema 1 + 20 types × (1 + 20 fields × (field 1 + name 1)): lists without `first` count 20.
    expect(measure('{ __schema { types { fields { name } } } }')).toEqual({ depth: 4, aliases: 0, cost: 1 + 20 * (1 + 20 * 2), fanOut: 0 });
    const aliased = Array.from({ length: 300 }, (_, i) => `s${i}: __schema { types { fields { name } } }`).join(' ');
    expect(measure(`{ ${aliased} }`)).toMatchObject({ aliases: 300, cost: 300 * (1 + 20 * (1 + 20 * 2)) });
  });

  it('multiplies list fields by `first`, from literals and variables', () => {
    // organisation 1 + leaderMembers 1 + 50 edges × (edge 1 + node 1 + id 1)
    expect(measure('{ organisation(id: "x") { leaderMembers(first: 50) { edges { node { id } } } } }').cost).toBe(1 + 1 + 50 * 3);
    const byVariable = measure('query($n: Int) { organisation(id: "x") { leaderMembers(first: $n) { edges { cursor } } } }', { n: 7 });
    expect(byVariable.cost).toBe(1 + 1 + 7 * 2);
  });

  it('assumes the default size for lists of records without `first`, nested lists multiply', () => {
    // 20 organisations × (1 + 20 work groups × (work group 1 + name 1))
    expect(measure('{ organisations { workGroups { name } } }').cost).toBe(20 * (1 + 20 * 2));
  });

  it('counts a list of values (items without an id) as one item: the sources size it, not the request', () => {
    // 20 organisations × (1 + 20 councils × (1 + members, values without an id, once × (1 + name 1)))
    expect(measure('{ organisations { councils { members { name } } } }').cost).toBe(20 * (1 + 20 * (1 + 1 * 2)));
  });

  it('counts aliases and follows fragments', () => {
    const result = measure('{ a: organisation(id: "x") { ...F } b: organisation(id: "y") { ...F } } fragment F on Organisation { name forums { name } }');
    expect(result.aliases).toBe(2);
    expect(result.depth).toBe(3);
  });
});

describe('planning fan-out', () => {
  it('counts each abstract field by its implementations, times those of the abstract types above it', () => {
    expect(measure('{ organisations { name country } }').fanOut).toBe(5);
    expect(measure('{ workGroup(id: "x") { name participants { name } } }').fanOut).toBe(5);
    // organisations 5 + participants 5 × 5
    expect(measure('{ organisations { workGroups { participants { name } } } }').fanOut).toBe(5 + 25);
    // A fragment on a concrete type narrows its hop to one type.
    expect(measure('{ organisations { ... on Lederne { workGroups { participants { name } } } } }').fanOut).toBe(5 + 5);
  });

  it("grows by a power of five with each nested hop: the issue's killer operations", () => {
    const hops = (n: number) => `{ workGroup(id: "x") ${'{ secretariat { workGroups '.repeat(n)}{ name }${' } }'.repeat(n)} }`;
    expect(measure(hops(1)).fanOut).toBe(5);
    expect(measure(hops(2)).fanOut).toBe(5 + 25);
    expect(measure(hops(3)).fanOut).toBe(5 + 25 + 125);
    const rounds = (n: number) => `{ organisations ${'{ workGroups { participants '.repeat(n)}{ name }${' } }'.repeat(n)} }`;
    expect(measure(rounds(4)).fanOut).toBe(5 + 25 + 125 + 625 + 3125);
  });

  it('counts aliases and named fragments once per use', () => {
    const one = measure('{ organisation(id: "x") { workGroups { participants { name } } } }').fanOut;
    expect(one).toBe(30);
    expect(measure('{ a: organisation(id: "x") { ...G } b: organisation(id: "y") { ...G } } fragment G on Organisation { workGroups { participants { name } } }').fanOut).toBe(2 * one);
  });
});

describe('measuring is linear in the document', () => {
  // Each fragment spreads the one before twice: 2^18 uses of F0 in about 900 bytes.
  const doubling = (levels: number) =>
    `{ organisations { ...F${levels} } } fragment F0 on Organisation { n: name } ` +
    Array.from({ length: levels }, (_, i) => `fragment F${i + 1} on Organisation { ...F${i} ...F${i} }`).join(' ');

  it('computes the doubling-fragments attack exactly, measuring each fragment once', () => {
    const spy = jest.spyOn(schema, 'getPossibleTypes');
    const result = measure(doubling(18));
    // Every use counts: 2^18 aliased names under 20 organisations.
    expect(result).toEqual({ depth: 2, aliases: 2 ** 18, cost: 20 * (1 + 2 ** 18), fanOut: 5 });
    // One look-up per selection set measured (the operation's, organisations', 19 fragments') and per abstract field, not per use.
    expect(spy.mock.calls.length).toBeLessThan(30);
    spy.mockRestore();
  });
});
