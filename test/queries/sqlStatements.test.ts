import { ANONYMOUS, gatewaySignatureHeaders, importPrivateKey } from '@nlf/contract';
import { UNION_SUBGRAPHS } from '../harness/domain';
import { useTestFederation, type RequestOptions } from '../harness/federation';

const SECRETARIAT: RequestOptions = { as: { role: 'secretariat' } };

// Cache off: this counts the statements of answering a query, not of the cache's version checks. The
// public snapshot off: these are the statements of reading by SQL per request, as a subgraph does with
// NLF_PUBLIC_SNAPSHOT=off or over its bound (what the snapshot saves is in publicSnapshot.test.ts).
const federation = useTestFederation({ env: { NLF_RESPONSE_CACHE: 'off', NLF_PUBLIC_SNAPSHOT: 'off' } });

/** SQL statements each union subgraph sent while the query ran, read from its /metrics. */
async function statementsFor(query: string, options: RequestOptions = SECRETARIAT): Promise<Record<string, number>> {
  const { bySubgraph } = await federation.growthDuring('nlf_sql_statements_total', async () => {
    const response = await federation.query(query, {}, options);
    expect(response.errors).toBeUndefined();
  });
  return bySubgraph;
}

describe('SQL per request is constant in list sizes (no N+1)', () => {
  it('costs the same for the LO subgraph with 11 organisations as for Lederne with one', async () => {
    const counts = await statementsFor(`{
      organisations { id name councils { name members { name } } forums { name } branches { name } sections { name } register { leaderMemberCount } }
    }`);
    // At most one statement per loader (organisation, councils, council members, forums, branches,
    // sections, register), however many organisations and councils a subgraph serves.
    for (const subgraph of UNION_SUBGRAPHS) expect(counts[subgraph]).toBeLessThanOrEqual(7);
    expect(counts.lederne).toBe(7);
    expect(counts.lo).toBe(6); // eleven organisations; none has councils, so no council-member query
  });

  it('costs the same for a page of 100 members as for a page of 1', async () => {
    const staff: RequestOptions = { as: { role: 'union-staff', org: 'foa' } };
    const small = await statementsFor(`{ organisation(id: "foa") { leaderMembers(first: 1) { edges { node { id } } } } }`, staff);
    const large = await statementsFor(`{ organisation(id: "foa") { leaderMembers(first: 100) { edges { node { id } } } } }`, staff);
    expect(large).toEqual(small);
    // organisation by id, register count, one keyset page query, one audit log entry.
    expect(large.lo).toBe(4);
  });

  it('resolves 50 entity references in one _entities call with one statement', async () => {
    const lo = federation.running.subgraphs.lo!;
    const ids = ['foa', 'hk-kommunal', 'sl', 'teknisk-landsforbund', '3f', 'hk-stat', 'metal-elforbundet', 'faengselsforbundet', 'hk-trafik-jernbane', 'lo-denmark', 'oao'];
    const representations = Array.from({ length: 50 }, (_, i) => ({ __typename: 'LoDenmark', id: ids[i % ids.length] }));
    const before = await federation.metric('lo', 'nlf_sql_statements_total');
    // The test plays the gateway: it holds the gateway's key and signs the call as the gateway does.
    const request = JSON.stringify({
      query: 'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on LoDenmark { id name } } }',
      variables: { representations },
    });
    const response = await fetch(lo.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(await gatewaySignatureHeaders(await importPrivateKey(federation.keys.gateway.privateKey), 'lo', lo.url, request, ANONYMOUS)),
      },
      body: request,
    });
    const body = (await response.json()) as { data: { _entities: { id: string }[] } };
    expect(body.data._entities).toHaveLength(50);
    expect(body.data._entities[4]).toEqual({ id: '3f', name: '3F' });
    expect((await federation.metric('lo', 'nlf_sql_statements_total')) - before).toBe(1);
  });
});
