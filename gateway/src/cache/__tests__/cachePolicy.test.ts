import { parse, type OperationDefinitionNode } from 'graphql';
import { DEFAULT_PERSONAL_FIELDS, isShareableQuery } from '../cachePolicy';

const personal = new Set(DEFAULT_PERSONAL_FIELDS);
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
