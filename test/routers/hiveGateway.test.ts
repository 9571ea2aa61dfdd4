import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@nlf/stack';
import { useTestFederation } from '../harness/federation';
import { HIVE_CONFIG, useHiveGateway } from '../harness/hiveGateway';
import { describeRoleScenarios } from '../security/roleScenarios';

// Hive Gateway from npm, configured only by deploy/hive/gateway.mjs, runs the committed supergraph
// against the same subgraphs as our gateway: through their TLS door (client certificate, the
// caller's token forwarded and verified by each subgraph), with no code of ours. The registry runs as a
// server of its own, which both gateways call.
const federation = useTestFederation({ registry: 'standalone' });
const hive = useHiveGateway(federation);

const TOTAL = 'low high reporting missing unavailable estimate';
const CROSS_UNION = {
  'the README comparison (DK)': `{ comparison(country: DK) {
    organisations { id name leaderMemberCount { low high estimate source { quote } } }
    leaderMemberCount { ${TOTAL} } } }`,
  'Norway, with unions reporting no figure': `{ comparison(country: NO) { id country leaderMemberCount { ${TOTAL} } memberCount { ${TOTAL} } } }`,
  'every union': `{ comparison { id country organisations { id kind } leaderMemberCount { ${TOTAL} } memberCount { ${TOTAL} } } }`,
  'every organisation with its figures': `{ organisations { __typename id name country kind memberCount { low high } leaderMemberCount { low high estimate } } }`,
  'the country indicators': `{ indicators { countries { id unions leaderMemberCount { ${TOTAL} } registerLeaderMemberCount councilCount forumCount reportingShare unavailable } } }`,
};

describe('the committed Hive Gateway configuration', () => {
  it('imports nothing of this repository: only Hive packages and Node built-ins', () => {
    const source = readFileSync(join(REPO_ROOT, HIVE_CONFIG), 'utf8');
    const imports = [...source.matchAll(/^import .* from '([^']+)';$/gm)].map((match) => match[1]);
    expect(imports.length).toBeGreaterThan(0);
    for (const name of imports) expect(name).toMatch(/^(node:|@graphql-hive\/)/);
  });
});

describe('the request bounds of the Hive Gateway configuration', () => {
  it('refuses a body over 100 000 bytes, and a body without a length, before reading it', async () => {
    const padding = 'x'.repeat(100_001);
    const tooLarge = await fetch(hive.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ organisations { id } } # ${padding}` }),
    });
    expect(tooLarge.status).toBe(413);
    const chunked = await fetch(hive.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Blob(['{"query":"{ organisations { id } }"}']).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(411);
    const fits = await hive.query('{ organisation(id: "lederne") { name } }');
    expect(fits.data).toEqual({ organisation: { name: 'Lederne' } });
  });
});

describe('cross-union answers through Hive Gateway', () => {
  it.each(Object.entries(CROSS_UNION))('equal our gateway\'s: %s', async (_name, query) => {
    const [ours, theirs] = await Promise.all([federation.query(query), hive.query(query)]);
    expect(ours.errors).toBeUndefined();
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data).toEqual(ours.data);
  });

  it('list unions without a figure as missing, not unavailable (Hive leaves nulls out of @requires)', async () => {
    const { data } = await hive.query(`{ comparison(country: NO) { leaderMemberCount { ${TOTAL} } } }`);
    expect(data.comparison.leaderMemberCount).toEqual({
      low: 9700, high: 9700, reporting: 1, missing: ['lederne', 'fagforbundet'], unavailable: [], estimate: false,
    });
  });

  it('total the Danish table as the LO paper does', async () => {
    const { data } = await hive.query(`{ comparison(country: DK) { leaderMemberCount { ${TOTAL} } } }`);
    expect(data.comparison.leaderMemberCount).toEqual({ low: 12835, high: 13185, reporting: 9, missing: [], unavailable: [], estimate: true });
  });
});

describe('the privacy scenarios through Hive Gateway', () => {
  describeRoleScenarios(hive, federation);

  it("give no member through a work group's participants: Hive's planner cannot plan that read at all (a known difference)", async () => {
    // Our gateway answers foa's staff their own members here (roles.test.ts). Hive's Rust planner
    // (router-runtime 1.4.23) fails to plan leaderMembers on participants resolved through the
    // cooperation subgraph's interface object: every participant's members are null, none leak.
    const response = await hive.query(
      `{ workGroup(id: "lo-dk-faelles-ledelsesarbejde") { participants { ... on Organisation { id leaderMembers(first: 1) { edges { node { id } } } } } } }`,
      {},
      { as: { role: 'union-staff', org: 'foa' } },
    );
    const participants = response.data.workGroup.participants as { id: string; leaderMembers: unknown }[];
    expect(participants.map((participant) => participant.id)).toContain('foa');
    for (const participant of participants) expect(participant.leaderMembers).toBeNull();
    expect(response.errors?.map((error) => error.message)).toEqual([expect.stringMatching(/^Was not able to find any options for leaderMembers/)]);
  });
});
