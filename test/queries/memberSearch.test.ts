import { searchPattern } from '@nlf/contract';
import { openDatabase } from '@nlf/kit';
// The statement itself is the kit's internals: read from its source, not its public surface.
import { searchStatement } from '../../packages/kit/src/subgraph/loaders';
import { issueToken } from '@nlf/stack';
import { generateRegister } from '@nlf/register';
import { useTestFederation, type GraphQLResponse, type RequestOptions } from '../harness/federation';
import { harnessState } from '../harness/state';

/**
 * A union staff member searches their own union's members by name, through the gateway: the same
 * rules as leaderMembers (own union staff only, every read audited, keyset pages), a case-insensitive
 * prefix match, and a constant number of SQL statements (counted with the public snapshot off, so the
 * organisation is read by SQL too; with it on, one fewer: test/queries/publicSnapshot.test.ts).
 */
const federation = useTestFederation({ env: { NLF_PUBLIC_SNAPSHOT: 'off' } });

const LEDERNE_STAFF: RequestOptions = { as: { role: 'union-staff', org: 'lederne' } };
// The test databases hold each union's synthetic register of 1 000, made by the generator with its
// default seed: what a search must find is worked out here from the same generator.
const LEDERNE = [...generateRegister({ organisationId: 'lederne', country: 'NO', size: 1000 })];
const matching = (prefix: string) =>
  LEDERNE.filter((m) => m.familyName.toLowerCase().startsWith(prefix) || `${m.givenName} ${m.familyName}`.toLowerCase().startsWith(prefix));

interface Member {
  id: string;
  givenName: string;
  familyName: string;
}
interface Connection {
  totalCount: number;
  edges: { cursor: string; node: Member }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const SEARCH = `query Search($org: ID!, $text: String!, $first: Int, $after: String) {
  organisation(id: $org) { leaderMemberSearch(text: $text, first: $first, after: $after) {
    totalCount edges { cursor node { id givenName familyName } } pageInfo { hasNextPage endCursor } } } }`;

const search = (variables: { text: string; first?: number; after?: string | null; org?: string }, options: RequestOptions = LEDERNE_STAFF) =>
  federation.query<{ organisation: { leaderMemberSearch: Connection | null } }>(SEARCH, { org: 'lederne', ...variables }, options);

const page = (response: GraphQLResponse<{ organisation: { leaderMemberSearch: Connection | null } }>) => {
  expect(response.errors).toBeUndefined();
  return response.data!.organisation.leaderMemberSearch!;
};
const errorsOf = (response: GraphQLResponse) =>
  (response.errors ?? []).map((error) => ({ path: error.path?.join('.'), ...error.extensions }));

describe("a union staff member's search of their own members", () => {
  it('finds every member whose family name starts with the text, in id order, page after page', async () => {
    const expected = matching('ha');
    expect(expected.length).toBe(120); // Hansen, Haugen, Hagen, Halvorsen; Hanne, Hans, Harald
    const first = page(await search({ text: 'HA', first: 100 }));
    expect(first.totalCount).toBe(120);
    expect(first.edges.map((edge) => edge.node)).toEqual(expected.slice(0, 100).map(({ id, givenName, familyName }) => ({ id, givenName, familyName })));
    expect(first.edges[0]!.node).toEqual({ id: 'lederne-m0000009', givenName: 'Lars', familyName: 'Hansen' });
    expect(first.pageInfo).toEqual({ hasNextPage: true, endCursor: first.edges[99]!.cursor });
    const second = page(await search({ text: 'HA', first: 100, after: first.pageInfo.endCursor }));
    expect(second.totalCount).toBe(120);
    expect(second.edges.map((edge) => edge.node.id)).toEqual(expected.slice(100).map((m) => m.id));
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('matches given names and "given family" too, case-insensitively, Norwegian letters included', async () => {
    const bjorn = page(await search({ text: ' BJØ ', first: 100 }));
    expect(bjorn.totalCount).toBe(matching('bjø').length);
    expect(bjorn.totalCount).toBeGreaterThan(20);
    for (const { node } of bjorn.edges) expect(node.givenName).toMatch(/^Bjør(n|g)$/);
    expect(bjorn.edges[0]!.node).toEqual({ id: 'lederne-m0000005', givenName: 'Bjørn', familyName: 'Amundsen' });

    const ber = page(await search({ text: 'ber', first: 100 }));
    expect(ber.edges.map((edge) => edge.node.id)).toEqual(matching('ber').map((m) => m.id));
    const names = ber.edges.map(({ node }) => `${node.givenName} ${node.familyName}`);
    expect(names).toEqual(expect.arrayContaining(['Berit Gundersen', 'Inger Berntsen', 'Nina Berg']));
    for (const { node } of ber.edges) expect([node.givenName, node.familyName].some((name) => name.toLowerCase().startsWith('ber'))).toBe(true);

    const full = page(await search({ text: 'ole   HAL', first: 100 }));
    expect(full.edges.map((edge) => edge.node.id)).toEqual(matching('ole hal').map((m) => m.id));
    expect(full.edges.map((edge) => edge.node)).toContainEqual({ id: 'lederne-m0000024', givenName: 'Ole', familyName: 'Halvorsen' });
    for (const { node } of full.edges) expect(`${node.givenName} ${node.familyName}`).toMatch(/^Ole Hal/);
  });

  it('takes LIKE wildcards in the text literally', async () => {
    expect(page(await search({ text: 'h_' }))).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
    expect(page(await search({ text: '%a' })).totalCount).toBe(0);
    expect(page(await search({ text: 'ha%' })).totalCount).toBe(0);
  });

  it('refuses a text under 2 or over 100 characters, a page over 100 and a foreign cursor, each with its stable code', async () => {
    const short = await search({ text: ' h ' });
    expect(short.data!.organisation.leaderMemberSearch).toBeNull();
    // toMatchObject: the gateway adds serviceName.
    expect(errorsOf(short)).toMatchObject([
      { path: 'organisation.leaderMemberSearch', code: 'VALUE_TOO_SHORT', argument: 'text', field: 'text', minimum: 2 },
    ]);
    expect(short.errors![0]!.message).toBe('text is 1 characters long; at least 2 are needed');
    expect(errorsOf(await search({ text: 'x'.repeat(101) }))).toMatchObject([
      { path: 'organisation.leaderMemberSearch', code: 'VALUE_TOO_LONG', argument: 'text', field: 'text', maximum: 100 },
    ]);
    expect(errorsOf(await search({ text: 'ha', first: 101 }))).toMatchObject([{ code: 'PAGE_SIZE_EXCEEDED', argument: 'first' }]);
    const members = await federation.query(`{ organisation(id: "lederne") { leaderMembers(first: 1) { pageInfo { endCursor } } } }`, {}, LEDERNE_STAFF);
    const foreign = members.data.organisation.leaderMembers.pageInfo.endCursor;
    expect(errorsOf(await search({ text: 'ha', after: foreign }))).toMatchObject([{ code: 'INVALID_CURSOR', argument: 'after' }]);
  });

  it('is written to their audit log with the members it returned', async () => {
    // A reader of its own, so other suites reading Lederne's members at the same time do not matter.
    const subject = `searcher-${process.pid}-${Date.now()}`;
    const token = await issueToken(federation.keys.issuer.privateKey, { role: 'union-staff', organisationId: 'lederne', subject });
    const found = page(await search({ text: 'ole', first: 5 }, { as: { token } }));
    expect(found.edges).toHaveLength(5);
    const { data } = await federation.query(
      `{ organisation(id: "lederne") { personalDataAccessLog(first: 100) { edges { node { actor role field memberIds } } } } }`,
      {},
      LEDERNE_STAFF,
    );
    const entries = data.organisation.personalDataAccessLog.edges.filter((edge: { node: { actor: string } }) => edge.node.actor === subject);
    expect(entries.map((edge: { node: unknown }) => edge.node)).toEqual([
      { actor: subject, role: 'union-staff', field: 'leaderMemberSearch', memberIds: matching('ole').slice(0, 5).map((m) => m.id) },
    ]);
  });

  it('writes a count of matches to the audit log too, with what it asked about, though it returned no one', async () => {
    const subject = `counter-${process.pid}-${Date.now()}`;
    const token = await issueToken(federation.keys.issuer.privateKey, { role: 'union-staff', organisationId: 'lederne', subject });
    const kjell = matching('kjell eriksen').length;
    expect(kjell).toBeGreaterThan(0);
    const counted = page(await search({ text: 'Kjell Eriksen', first: 0 }, { as: { token } }));
    expect(counted).toMatchObject({ totalCount: kjell, edges: [] });
    const absent = page(await search({ text: 'Zzyzx Qwerty', first: 0 }, { as: { token } }));
    expect(absent.totalCount).toBe(0);
    const { data } = await federation.query(
      `{ organisation(id: "lederne") { personalDataAccessLog(first: 100) { edges { node { actor field memberIds arguments } } } } }`,
      {},
      LEDERNE_STAFF,
    );
    const entries = data.organisation.personalDataAccessLog.edges.filter((edge: { node: { actor: string } }) => edge.node.actor === subject);
    expect(entries.map((edge: { node: { arguments: string } }) => ({ ...edge.node, arguments: JSON.parse(edge.node.arguments) }))).toEqual([
      { actor: subject, field: 'leaderMemberSearch', memberIds: [], arguments: { text: 'Zzyzx Qwerty', first: 0 } },
      { actor: subject, field: 'leaderMemberSearch', memberIds: [], arguments: { text: 'Kjell Eriksen', first: 0 } },
    ]);
  });

  it('costs the same few SQL statements whatever the page size or the number of matches, in Lederne alone', async () => {
    const statementsFor = async (variables: Parameters<typeof search>[0]) =>
      (
        await federation.growthDuring('nlf_sql_statements_total', async () => {
          const response = await search(variables);
          expect(response.errors).toBeUndefined();
          expect(response.headers?.get('x-nlf-cache')).toBe('live');
        })
      ).bySubgraph;
    const one = await statementsFor({ text: 'ha', first: 1 });
    // organisation by id, register, one statement for the page and the count of matches, one audit entry.
    expect(one).toEqual({ lederne: 4, utdanningsforbundet: 0, fagforbundet: 0, ledarna: 0, lo: 0 });
    expect(await statementsFor({ text: 'ha', first: 100 })).toEqual(one);
    expect(await statementsFor({ text: 'bjørn ', first: 100 })).toEqual(one);
  });
});

describe("the search's SQL", () => {
  it('finds the matches through the name indexes, never by reading the whole register', async () => {
    const database = await openDatabase({ url: harnessState().databaseUrls.lederne!, poolSize: 1 });
    try {
      const connection = database.orm.em.getConnection();
      await connection.execute('analyze leader_member');
      const [sql, values] = searchStatement([{ ord: 0, organisation_id: 'lederne', after_id: null }], searchPattern('Bjø'), 21);
      const [{ 'QUERY PLAN': plan }] = (await connection.execute(`explain (format json) ${sql}`, values)) as { 'QUERY PLAN': unknown }[];
      const text = JSON.stringify(plan);
      expect(text).toContain('leader_member_family_name_search_idx');
      expect(text).toContain('leader_member_full_name_search_idx');
      expect(text).toContain('~>=~ \'bjø\'');
      expect(text).not.toContain('Seq Scan');
    } finally {
      await database.close();
    }
  });
});

describe('anyone else', () => {
  const forbidden = [{ path: 'organisation.leaderMemberSearch', code: 'FORBIDDEN', field: 'leaderMemberSearch' }];

  it.each([
    ['an anonymous caller', {}],
    ["another union's staff", { as: { role: 'union-staff', org: 'foa' } }],
    ['the secretariat', { as: { role: 'secretariat' } }],
  ] as [string, RequestOptions][])('gets null with FORBIDDEN from %s search, whatever the text', async (_who, options) => {
    for (const text of ['ha', 'h']) {
      const response = await search({ text }, options);
      expect(response.data!.organisation.leaderMemberSearch).toBeNull();
      expect(errorsOf(response)).toMatchObject(forbidden);
    }
  });

  it('learns nothing about whether an organisation has members at all', async () => {
    const withRegister = await search({ org: 'foa', text: 'ha' });
    const withoutRegister = await search({ org: 'lo-denmark', text: 'ha' });
    expect(withoutRegister.data).toEqual(withRegister.data);
    expect(withoutRegister.data).toEqual({ organisation: { leaderMemberSearch: null } });
    expect(withoutRegister.errors!.map((e) => [e.message, e.extensions])).toEqual(withRegister.errors!.map((e) => [e.message, e.extensions]));
  });
});
