import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type OperationDefinitionNode } from 'graphql';
import { createShareableCheck, isShareableQuery, personalFieldsOf } from '../cachePolicy';

// What the gateway holds: the marks of the committed supergraph, no list of its own.
const supergraph = readFileSync(join(__dirname, '..', '..', '..', 'supergraph.graphql'), 'utf8');
const personal = personalFieldsOf(supergraph);
const shareable = (source: string) => {
  const document = parse(source);
  return isShareableQuery(document, document.definitions[0] as OperationDefinitionNode, personal);
};

describe('which operations the response cache may share', () => {
  it('shares queries of public aggregates', () => {
    expect(shareable('{ comparison(country: DK) { leaderMemberCount { low high } } }')).toBe(true);
    expect(shareable('query { organisation(id: "3f") { register { leaderMemberCount } } }')).toBe(true);
  });

  it('never shares personal fields, aliased or inside fragments', () => {
    expect(shareable('{ organisation(id: "3f") { m: leaderMembers { totalCount } } }')).toBe(false);
    expect(shareable('query Q { organisations { ...F } } fragment F on Organisation { leaderMembers { totalCount } }')).toBe(false);
  });

  it('never shares mutations', () => {
    expect(shareable('mutation { rename(id: "3f") }')).toBe(false);
  });
});

describe('the personal fields, read from the supergraph\'s marks', () => {
  it('are the contract\'s marked fields, and nothing public', () => {
    expect([...personal].sort()).toEqual(['leaderMemberSearch', 'leaderMembers', 'personalDataAccessLog']);
  });

  it('include a field a union marks in its own subgraph, once its supergraph is in force', () => {
    const withOwn = supergraph.replace(
      /(\n\s+)(leaderMembers\(first: Int = 20, after: String\): LeaderMemberConnection @join__field\(graph: LEDARNA\))/,
      '$1mentors: LeaderMemberConnection @join__field(graph: LEDARNA) @tag(name: "personal")$1$2',
    );
    expect(withOwn).not.toEqual(supergraph);
    let current = personal;
    const check = createShareableCheck(() => current);
    const read = () => {
      const document = parse('{ organisation(id: "ledarna") { ... on Ledarna { mentors { totalCount } } } }');
      return { document, operation: document.definitions[0] as OperationDefinitionNode };
    };
    expect(check('q', read)).toBe(true);
    current = personalFieldsOf(withOwn);
    // Decided again under the new supergraph, not taken from before.
    expect(check('q', read)).toBe(false);
  });
});
