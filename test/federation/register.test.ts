import { useTestFederation, type GraphQLResponse } from '../harness/federation';

const federation = useTestFederation();

const LEDERNE_STAFF = { as: { role: 'union-staff', org: 'lederne' } } as const;
const LEDARNA_STAFF = { as: { role: 'union-staff', org: 'ledarna' } } as const;

const PAGE = `query Page($id: ID!, $first: Int, $after: String) {
  organisation(id: $id) {
    leaderMembers(first: $first, after: $after) {
      totalCount
      edges { cursor node { id givenName familyName title region joinedOn synthetic } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

describe('the synthetic leader-member register', () => {
  it('is marked synthetic and counted live for unions, and absent for others', async () => {
    const { data } = await federation.query(`{ organisations { id kind register { synthetic leaderMemberCount } } }`, {}, { as: { role: 'secretariat' } });
    for (const org of data.organisations) {
      if (org.kind === 'UNION') expect(org.register).toEqual({ synthetic: true, leaderMemberCount: 1000 });
      else expect(org.register).toBeNull();
    }
  });

  it('pages through a register with keyset cursors, without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const response: GraphQLResponse = await federation.query(PAGE, { id: 'ledarna', first: 100, after }, LEDARNA_STAFF);
      expect(response.errors).toBeUndefined();
      const connection = response.data!.organisation.leaderMembers;
      expect(connection.totalCount).toBe(1000);
      seen.push(...connection.edges.map((edge: { node: { id: string } }) => edge.node.id));
      expect(connection.pageInfo.hasNextPage).toBe(page < 9);
      after = connection.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(1000);
    expect(seen[0]).toBe('ledarna-m0000001');
    expect(seen[999]).toBe('ledarna-m0001000');
  });

  it('gives each member as generated, marked synthetic', async () => {
    const { data } = await federation.query(PAGE, { id: 'utdanningsforbundet', first: 1 }, { as: { role: 'union-staff', org: 'utdanningsforbundet' } });
    const [edge] = data.organisation.leaderMembers.edges;
    expect(edge.node).toMatchObject({ id: 'utdanningsforbundet-m0000001', synthetic: true });
    expect(edge.node.joinedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('has no register, so no members, for a confederation', async () => {
    const { data, errors } = await federation.query(PAGE, { id: 'lo-denmark', first: 5 }, { as: { role: 'union-staff', org: 'lo-denmark' } });
    expect(errors).toBeUndefined();
    expect(data.organisation.leaderMembers).toBeNull();
  });
});

describe('bad input', () => {
  it('refuses a page above 100 with PAGE_SIZE_EXCEEDED, and still answers the rest', async () => {
    const { data, errors } = await federation.query(`{ organisation(id: "lederne") { name leaderMembers(first: 101) { totalCount } } }`, {}, LEDERNE_STAFF);
    expect(data.organisation).toEqual({ name: 'Lederne', leaderMembers: null });
    expect(errors).toEqual([
      expect.objectContaining({ path: ['organisation', 'leaderMembers'], extensions: expect.objectContaining({ code: 'PAGE_SIZE_EXCEEDED', maximum: 100 }) }),
    ]);
  });

  it('refuses a cursor it did not issue with INVALID_CURSOR', async () => {
    const { errors } = await federation.query(PAGE, { id: 'lederne', first: 5, after: 'bm90LWEtY3Vyc29y' }, LEDERNE_STAFF);
    expect(errors?.[0]?.extensions?.code).toBe('INVALID_CURSOR');
  });

  it('sends no stack trace, even with NODE_ENV=development', async () => {
    const responses = await Promise.all([
      federation.query(PAGE, { id: 'lederne', first: 500 }, LEDERNE_STAFF),
      federation.query(PAGE, { id: 'lederne', first: 5, after: '%%%' }, LEDERNE_STAFF),
      federation.query('{ organisation(id: "lederne") { nope } }'),
    ]);
    for (const response of responses) {
      expect(response.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(response)).not.toMatch(/stacktrace|\bat .*\.js:\d+/);
    }
  });
});
