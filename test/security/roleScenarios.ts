import { issueToken } from '@nlf/stack';
import type { GraphQLResponse, QueryFunction, TestFederation } from '../harness/federation';

/**
 * The role scenarios, against any router in front of the federation's subgraphs: ours
 * (roles.test.ts) and Hive Gateway (test/routers/hiveGateway.test.ts). `router.query` is called
 * inside the tests, so a router started in beforeAll may be passed.
 */
export function describeRoleScenarios(router: { query: QueryFunction }, federation: TestFederation): void {
  const LEDERNE_STAFF = { as: { role: 'union-staff', org: 'lederne' } } as const;
  const MEMBERS = 'leaderMembers(first: 3) { totalCount edges { node { id familyName } } }';
  const codesAt = (response: GraphQLResponse) =>
    (response.errors ?? []).map((error) => [error.path?.join('.'), error.extensions?.code]);

  describe('anonymous callers', () => {
    it('see the public facts: names, reported figures with sources, councils, forums', async () => {
      const { data, errors } = await router.query(`{
        organisation(id: "utdanningsforbundet") {
          name country leaderMemberCount { low source { quote } } councils { name } forums { name }
        }
      }`);
      expect(errors).toBeUndefined();
      expect(data.organisation).toMatchObject({ name: 'Utdanningsforbundet', leaderMemberCount: { low: 9700 } });
    });

    it("see each register's size, but get null with FORBIDDEN for its breakdowns and members, and the rest of the answer", async () => {
      const response = await router.query(
        `{ organisation(id: "lederne") { name register { leaderMemberCount breakdown(by: REGION) { total } } ${MEMBERS} } }`,
      );
      expect(response.data.organisation).toEqual({ name: 'Lederne', register: null, leaderMembers: null });
      expect(codesAt(response)).toHaveLength(2);
      expect(codesAt(response)).toEqual(
        expect.arrayContaining([
          ['organisation.register.breakdown', 'FORBIDDEN'],
          ['organisation.leaderMembers', 'FORBIDDEN'],
        ]),
      );
      const size = await router.query(`{ organisation(id: "lederne") { register { leaderMemberCount synthetic } } }`);
      expect(size.data.organisation.register).toEqual({ leaderMemberCount: 1000, synthetic: true });
    });
  });

  describe('the secretariat and dashboards', () => {
    it.each([['secretariat']] as const)('%s reads every register but no member', async (role) => {
      const response = await router.query(
        `{ organisations(kind: UNION) { id register { leaderMemberCount } ${MEMBERS} } }`,
        {},
        { as: { role } },
      );
      for (const org of response.data.organisations) {
        expect(org.register).toEqual({ leaderMemberCount: 1000 });
        expect(org.leaderMembers).toBeNull();
      }
      expect(new Set(codesAt(response).map(([, code]) => code))).toEqual(new Set(['FORBIDDEN']));
      expect(response.errors).toHaveLength(13);
    });
  });

  describe("a union's staff", () => {
    it('read their own members', async () => {
      const { data, errors } = await router.query(`{ organisation(id: "lederne") { ${MEMBERS} } }`, {}, LEDERNE_STAFF);
      expect(errors).toBeUndefined();
      expect(data.organisation.leaderMembers.totalCount).toBe(1000);
      expect(data.organisation.leaderMembers.edges[0].node.id).toBe('lederne-m0000001');
    });

    it("cannot read another union's members by any route: list, aliases, fragments", async () => {
      const response = await router.query(
        `query {
          organisations { id ...Members }
          ledarna: organisation(id: "ledarna") { ... on Ledarna { leaderMembers(first: 5) { edges { node { id } } } } }
          foa: organisation(id: "foa") { ...Members }
          again: organisation(id: "foa") { leaderMembers(first: 1, after: null) { totalCount } }
        }
        fragment Members on Organisation { leaderMembers(first: 2) { edges { node { id familyName } } } }`,
        {},
        LEDERNE_STAFF,
      );
      const visible = response.data.organisations.filter((org: { leaderMembers: unknown }) => org.leaderMembers !== null);
      expect(visible.map((org: { id: string }) => org.id)).toEqual(['lederne']);
      expect(response.data.ledarna.leaderMembers).toBeNull();
      expect(response.data.foa.leaderMembers).toBeNull();
      expect(response.data.again.leaderMembers).toBeNull();
      const memberIds = JSON.stringify(response.data).match(/"[a-z0-9-]+-m\d{7}"/g) ?? [];
      expect(memberIds.every((id) => id.startsWith('"lederne-'))).toBe(true);
    });

    it('learn nothing about whether another organisation has members at all', async () => {
      const withRegister = await router.query(`{ organisation(id: "foa") { ${MEMBERS} } }`, {}, LEDERNE_STAFF);
      const withoutRegister = await router.query(`{ organisation(id: "lo-denmark") { ${MEMBERS} } }`, {}, LEDERNE_STAFF);
      expect(withoutRegister.data).toEqual(withRegister.data);
      expect(withoutRegister.errors!.map((e) => [e.message, e.extensions?.code])).toEqual(
        withRegister.errors!.map((e) => [e.message, e.extensions?.code]),
      );
    });

    it('find every read of their members in their own audit log, and cannot read another union\'s', async () => {
      // A reader of its own, so other suites reading Lederne's members at the same time do not matter.
      const subject = `auditor-${process.pid}-${Date.now()}`;
      const token = await issueToken(federation.keys.issuer.privateKey, { role: 'union-staff', organisationId: 'lederne', subject });
      await router.query(`{ organisation(id: "lederne") { leaderMembers(first: 2) { totalCount } } }`, {}, { as: { token } });
      const { data } = await router.query(
        `{ organisation(id: "lederne") { personalDataAccessLog(first: 100) { edges { node { actor role field memberIds accessedAt } } } } }`,
        {},
        LEDERNE_STAFF,
      );
      const entry = data.organisation.personalDataAccessLog.edges.find((edge: { node: { actor: string } }) => edge.node.actor === subject);
      expect(entry.node).toMatchObject({
        role: 'union-staff',
        field: 'leaderMembers',
        memberIds: ['lederne-m0000001', 'lederne-m0000002'],
      });
      expect(Date.now() - Date.parse(entry.node.accessedAt)).toBeLessThan(10 * 60_000);
      const other = await router.query(`{ organisation(id: "ledarna") { personalDataAccessLog { edges { node { actor } } } } }`, {}, LEDERNE_STAFF);
      expect(other.data.organisation.personalDataAccessLog).toBeNull();
      expect(codesAt(other)).toEqual([['organisation.personalDataAccessLog', 'FORBIDDEN']]);
    });

    it('find each of identical reads made at once in the log: two callers, and one caller twice', async () => {
      // A router that merged identical in-flight calls would reach the subgraph once and log one read.
      const run = `${process.pid}-${Date.now()}`;
      const [first, second] = [`concurrent-a-${run}`, `concurrent-b-${run}`];
      const tokenOf = (subject: string) =>
        issueToken(federation.keys.issuer.privateKey, { role: 'union-staff', organisationId: 'lederne', subject });
      const tokens = await Promise.all([first, first, second].map(tokenOf));
      const read = `{ organisation(id: "lederne") { leaderMembers(first: 3) { edges { node { id } } } } }`;
      const answers = await Promise.all(tokens.map((token) => router.query(read, {}, { as: { token } })));
      for (const answer of answers) expect(answer.data.organisation.leaderMembers.edges).toHaveLength(3);
      const { data } = await router.query(
        `{ organisation(id: "lederne") { personalDataAccessLog(first: 100) { edges { node { actor field memberIds } } } } }`,
        {},
        LEDERNE_STAFF,
      );
      const logged = (actor: string) =>
        data.organisation.personalDataAccessLog.edges.filter((edge: { node: { actor: string } }) => edge.node.actor === actor);
      expect(logged(first)).toHaveLength(2);
      expect(logged(second)).toHaveLength(1);
      for (const edge of [...logged(first), ...logged(second)]) {
        expect(edge.node).toEqual({ actor: expect.any(String), field: 'leaderMembers', memberIds: ['lederne-m0000001', 'lederne-m0000002', 'lederne-m0000003'] });
      }
    });
  });
}
