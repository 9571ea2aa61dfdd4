import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { prettyFormatQueryPlan, QueryPlanner } from '@apollo/query-planner';
import { parse } from 'graphql';

const supergraph = Supergraph.build(readFileSync(join(__dirname, '..', '..', 'supergraph.graphql'), 'utf8'));
const planner = new QueryPlanner(supergraph);
const plan = (query: string) =>
  prettyFormatQueryPlan(planner.buildQueryPlan(operationFromDocument(supergraph.schema, parse(query))));

describe('query plans of the committed supergraph', () => {
  it('fetches the list from the registry, then every union subgraph in parallel', () => {
    const text = plan('{ organisations { name leaderMemberCount { low high } } }');
    expect(text).toMatch(/Sequence \{\s+Fetch\(service: "registry"\)/);
    const parallel = text.slice(text.indexOf('Parallel {'));
    for (const subgraph of ['lederne', 'utdanningsforbundet', 'fagforbundet', 'ledarna', 'lo']) {
      expect(parallel).toContain(`Fetch(service: "${subgraph}")`);
    }
  });

  it('totals the comparison in the registry after fetching the figures from the unions', () => {
    const text = plan('{ comparison(country: DK) { leaderMemberCount { low high } } }');
    const fetches = [...text.matchAll(/Fetch\(service: "([a-z-]+)"\)/g)].map((m) => m[1]);
    expect(fetches[0]).toBe('registry');
    expect(fetches.at(-1)).toBe('registry');
    expect(new Set(fetches)).toEqual(new Set(['registry', 'lederne', 'utdanningsforbundet', 'fagforbundet', 'ledarna', 'lo']));
  });

  it("fetches a work group's participants from the cooperation subgraph, their types from the registry, their figures from their own subgraphs", () => {
    const text = plan('{ workGroup(id: "x") { participants { ... on Organisation { name leaderMemberCount { low high } } } } }');
    const fetches = [...text.matchAll(/Fetch\(service: "([a-z-]+)"\)/g)].map((m) => m[1]);
    expect(fetches.slice(0, 2)).toEqual(['cooperation', 'registry']);
    expect(new Set(fetches.slice(2))).toEqual(new Set(['lederne', 'utdanningsforbundet', 'fagforbundet', 'ledarna', 'lo']));
  });

  it('adds workGroups to every organisation with one fetch from the cooperation subgraph', () => {
    const text = plan('{ organisations { workGroups { name } } }');
    const fetches = [...text.matchAll(/Fetch\(service: "([a-z-]+)"\)/g)].map((m) => m[1]);
    expect(fetches).toEqual(['registry', 'cooperation']);
  });
});
