import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_OPERATION_LIMITS, DEFAULT_PLANNER_PATHS_LIMIT, limitExceeded, measureOperation } from '@nlf/gateway';
import {
  buildASTSchema, getNamedType, isCompositeType, isInterfaceType, isObjectType, isRequiredArgument, Kind, parse,
  type FragmentDefinitionNode, type GraphQLCompositeType, type GraphQLSchema, type OperationDefinitionNode,
} from 'graphql';
import { useTestFederation } from '../harness/federation';

// As the Dockerfile ships it (production: no introspection); every limit at its default. The rate
// limit is off only because this file sends a few hundred requests as one caller.
const federation = useTestFederation({ env: { NODE_ENV: 'production', NLF_RATE_LIMIT_PER_MINUTE: '0' } });

// The schema callers see: the supergraph's API, the one the gateway serves.
const schema: GraphQLSchema = buildASTSchema(parse(readFileSync(join(__dirname, '..', '..', 'gateway', 'supergraph.graphql'), 'utf8')), { assumeValidSDL: true });
const limits = DEFAULT_OPERATION_LIMITS;

/** Every way from Organisation back to Organisation through at most three fields without required arguments. */
function cyclesThroughOrganisation(): string[][] {
  const start = schema.getType('Organisation') as GraphQLCompositeType;
  const cycles: string[][] = [];
  const walk = (type: GraphQLCompositeType, path: string[], seen: Set<string>) => {
    if (path.length === 3 || !(isObjectType(type) || isInterfaceType(type))) return;
    for (const field of Object.values(type.getFields())) {
      if (field.args.some(isRequiredArgument)) continue;
      const next = getNamedType(field.type);
      if (!isCompositeType(next)) continue;
      if (next === start) cycles.push([...path, field.name]);
      else if (!seen.has(next.name)) walk(next, [...path, field.name], new Set([...seen, next.name]));
    }
  };
  walk(start, [], new Set([start.name]));
  return cycles;
}

interface Generated {
  name: string;
  query: string;
}

/** The cycle repeated `rounds` times below one organisation, in three shapes: plain, in fragments, aliased twice at each round. */
function operations(cycle: string[], rounds: number): Generated[] {
  const label = `${cycle.join('.')} ×${rounds}`;
  const open = (field: string) => `${field} { `;
  const round = (inner: string) => `${cycle.map(open).join('')}${inner}${' }'.repeat(cycle.length)}`;
  let plain = 'id';
  for (let i = 0; i < rounds; i += 1) plain = round(plain);
  const fragments = Array.from({ length: rounds }, (_, i) => `fragment R${i + 1} on Organisation { id ${round(i === 0 ? 'id' : `...R${i}`)} }`);
  let aliased = 'id';
  for (let i = 0; i < rounds; i += 1) aliased = `a${i}: ${round(aliased)} b${i}: ${round(aliased)}`;
  return [
    { name: `${label} plain`, query: `{ organisation(id: "foa") { id ${plain} } }` },
    { name: `${label} fragments`, query: `{ organisation(id: "foa") { ...R${rounds} } } ${fragments.join(' ')}` },
    { name: `${label} aliased`, query: `{ organisation(id: "foa") { id ${aliased} } }` },
  ];
}

function measure(query: string) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  return measureOperation(schema, operation, fragments, {}, limits);
}

const cycles = cyclesThroughOrganisation();
// Up to one round past the depth limit: 1 (organisation) + rounds × cycle length + 1 (id).
const generated = cycles.flatMap((cycle) =>
  Array.from({ length: Math.floor((limits.maxDepth + 1 - 2) / cycle.length) + 1 }, (_, i) => operations(cycle, i + 1)).flat(),
);

/** What each generated operation came to, so the last test can check every outcome was reached. */
const outcomes = new Set<string>();

describe('operations generated from every cycle through Organisation', () => {
  it('finds the cycles the issue names', () => {
    expect(cycles).toEqual(expect.arrayContaining([['workGroups', 'participants'], ['workGroups', 'secretariat'], ['workGroups', 'meetings', 'participants']]));
  });

  it.each(generated.map((operation) => [operation.name, operation.query]))('%s: answers, or is refused with the code its estimate decides', async (_name, query) => {
    const estimate = measure(query);
    const refusal = limitExceeded(estimate, limits);
    const response = await federation.query(query);
    if (refusal) {
      // Refused before planning, by the first limit its estimate is over, with that number.
      const { http: _http, ...extensions } = refusal.extensions;
      expect(response.status).toBe(400);
      expect(response.errors).toEqual([expect.objectContaining({ extensions })]);
      outcomes.add(`refused ${String(extensions.code)}`);
      return;
    }
    // Within every limit: the estimate lets it reach the planner, which answers it or stops it
    // with its own limit on alternatives (a second line, also OPERATION_TOO_COMPLEX).
    expect(estimate.fanOut).toBeLessThanOrEqual(limits.maxFanOut);
    if (response.status === 400) {
      expect(response.errors).toEqual([expect.objectContaining({ extensions: { code: 'OPERATION_TOO_COMPLEX', limit: DEFAULT_PLANNER_PATHS_LIMIT, measure: 'plannerPaths' } })]);
      outcomes.add('stopped by the planner');
    } else {
      expect(response.status).toBe(200);
      expect(response.data?.organisation?.id).toBe('foa');
      outcomes.add('answered');
    }
  });

  it('reached every outcome: answered, and refused before planning by depth, aliases and fan-out', () => {
    expect([...outcomes].sort()).toEqual(expect.arrayContaining([
      'answered', 'refused ALIAS_LIMIT_EXCEEDED', 'refused DEPTH_LIMIT_EXCEEDED', 'refused OPERATION_TOO_COMPLEX',
    ]));
  });

  it('serves no introspection in production', async () => {
    const response = await federation.query('{ __schema { queryType { name } } }');
    expect(response.errors?.[0]?.message).toMatch(/introspection/i);
    expect(response.data).toBeUndefined();
  });
});
