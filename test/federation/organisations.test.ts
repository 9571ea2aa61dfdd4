import { domainOrganisations, UNION_SUBGRAPHS } from '../harness/domain';
import { useTestFederation } from '../harness/federation';

const federation = useTestFederation();

const FIGURE = 'low high approximate estimate qualifier scope source { document quote }';

describe('organisations through the gateway', () => {
  it('returns every organisation of the sources, each resolved by its own subgraph', async () => {
    const { data, errors } = await federation.query(`{ organisations { __typename id name country kind } }`);
    expect(errors).toBeUndefined();
    const expected = domainOrganisations();
    expect(data.organisations.map((o: { id: string }) => o.id)).toEqual(expected.map((o) => o.id));
    const typeOf = Object.fromEntries(data.organisations.map((o: { id: string; __typename: string }) => [o.id, o.__typename]));
    expect(typeOf).toMatchObject({ lederne: 'Lederne', 'lo-norway': 'Fagforbundet', ledarna: 'Ledarna', '3f': 'LoDenmark', oao: 'LoDenmark' });
    for (const org of expected) {
      expect(data.organisations).toContainEqual(
        expect.objectContaining({ id: org.id, name: org.name, country: org.country, kind: org.kind.toUpperCase() }),
      );
    }
  });

  it('gives every figure exactly as the sources report it, with its quote', async () => {
    const { data } = await federation.query(`{ organisations { id memberCount { ${FIGURE} } leaderMemberCount { ${FIGURE} } } }`);
    const byId = new Map(data.organisations.map((o: { id: string }) => [o.id, o]));
    for (const org of domainOrganisations()) {
      const served = byId.get(org.id) as Record<string, any>;
      for (const field of ['memberCount', 'leaderMemberCount'] as const) {
        const source = org[field];
        if (source === null) {
          expect(served[field]).toBeNull();
        } else {
          expect(served[field]).toMatchObject({
            low: source.low,
            high: source.high,
            source: { document: source.source.file, quote: source.source.quote },
          });
        }
      }
    }
  });

  it('filters by country and kind', async () => {
    const { data } = await federation.query(`{ organisations(country: NO, kind: CONFEDERATION) { id displayName } }`);
    expect(data.organisations).toEqual([{ id: 'lo-norway', displayName: 'LO (Norway)' }]);
  });

  it('answers one organisation from the registry and its own subgraph only', async () => {
    const before = await Promise.all(UNION_SUBGRAPHS.map((s) => federation.metric(s, 'nlf_graphql_requests_total')));
    const { data } = await federation.query(`{ organisation(id: "3f") { name kind parentId leaderMemberCount { low high estimate scope } } }`);
    const after = await Promise.all(UNION_SUBGRAPHS.map((s) => federation.metric(s, 'nlf_graphql_requests_total')));
    expect(data.organisation).toEqual({
      name: '3F',
      kind: 'UNION',
      parentId: 'lo-denmark',
      leaderMemberCount: { low: 700, high: 800, estimate: true, scope: 'public sector (ledermedlemmer i det offentlige)' },
    });
    expect(after.map((n, i) => n - before[i]!)).toEqual([0, 0, 0, 0, 1]);
  });

  it('answers null, not an error, for an unknown id', async () => {
    const { data, errors } = await federation.query(`{ organisation(id: "no-such-union") { id name } }`);
    expect(errors).toBeUndefined();
    expect(data.organisation).toBeNull();
  });

  it("keeps Lederne's branches as the counts the source gives, and its board as a size", async () => {
    const { data } = await federation.query(`{
      organisation(id: "lederne") {
        branches { id }
        branchCounts { kind originalTerm count { low high source { quote } } }
        councils { id kind size { low high } seats { role count } members { name } }
      }
    }`);
    expect(data.organisation.branches).toEqual([]);
    expect(data.organisation.branchCounts).toEqual([
      { kind: null, originalTerm: 'avdelinger', count: { low: 18, high: 18, source: { quote: 'Lederne har 18 avdelinger.' } } },
      { kind: 'GEOGRAPHIC', originalTerm: 'geografiske avdelinger', count: expect.objectContaining({ low: 13, high: 13 }) },
      { kind: 'INDUSTRY', originalTerm: 'bransjeavdelinger', count: expect.objectContaining({ low: 5, high: 5 }) },
    ]);
    const board = data.organisation.councils.find((c: { id: string }) => c.id === 'lederne-hovedstyre');
    expect(board).toEqual({
      id: 'lederne-hovedstyre',
      kind: 'BOARD',
      size: { low: 21, high: 21 },
      seats: [
        { role: 'PRESIDENT', count: 1 },
        { role: 'VICE_PRESIDENT', count: 1 },
        { role: 'BRANCH_REPRESENTATIVE', count: 18 },
        { role: 'EMPLOYEE_REPRESENTATIVE', count: 1 },
      ],
      members: [],
    });
  });

  it('names office-holders only as the source names them, with the quote', async () => {
    const { data } = await federation.query(`{ organisation(id: "lederne") { councils { id members { role originalTitle name source { quote } } } } }`);
    const committee = data.organisation.councils.find((c: { id: string }) => c.id === 'lederne-kontrollutvalg');
    expect(committee.members[0]).toEqual({ role: 'CHAIR', originalTitle: 'Leder', name: 'Trond Nakkestad', source: { quote: 'Leder: Trond Nakkestad' } });
    expect(committee.members).toHaveLength(4);
  });

  it('serves forums, sections and named branches of the unions that have them', async () => {
    const { data } = await federation.query(`{
      fagforbundet: organisation(id: "fagforbundet") { sections { abbreviation } forums { kind levels } }
      ledarna: organisation(id: "ledarna") { branches { id name sector memberCount { low } } }
      utdanningsforbundet: organisation(id: "utdanningsforbundet") { forums { name kind levels } councils { name kind } }
    }`);
    expect(data.fagforbundet.sections.map((s: { abbreviation: string }) => s.abbreviation)).toEqual(['SHS', 'SKKO', 'SST', 'SKA']);
    expect(data.fagforbundet.forums).toEqual([{ kind: 'PROFESSIONAL_GROUP', levels: [] }, { kind: 'NETWORK_CONTACT', levels: ['COUNTY'] }]);
    expect(data.ledarna.branches).toContainEqual({ id: 'ledarna-inom-staten', name: 'Ledarna inom staten', sector: null, memberCount: { low: 2268 } });
    expect(data.ledarna.branches).toContainEqual({ id: 'ledarna-it-telekom', name: null, sector: 'IT/Telekom', memberCount: null });
    expect(data.utdanningsforbundet.forums[0]).toEqual({ name: 'Lederforum', kind: 'FORUM', levels: ['LOCAL'] });
    expect(data.utdanningsforbundet.councils).toContainEqual({ name: 'Lederråd', kind: 'COUNCIL' });
  });
});
