import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { issueToken, REPO_ROOT } from '@nlf/stack';
import { useTestFederation, type GraphQLResponse } from '../harness/federation';

const federation = useTestFederation();

const LEDERNE_STAFF = { as: { role: 'union-staff', org: 'lederne' } } as const;
const MEMBERS = 'leaderMembers(first: 3) { totalCount edges { node { id familyName } } }';
const codesAt = (response: GraphQLResponse) =>
  (response.errors ?? []).map((error) => [error.path?.join('.'), error.extensions?.code]);

describe('anonymous callers', () => {
  it('see the public facts: names, reported figures with sources, councils, forums', async () => {
    const { data, errors } = await federation.query(`{
      organisation(id: "utdanningsforbundet") {
        name country leaderMemberCount { low source { quote } } councils { name } forums { name }
      }
    }`);
    expect(errors).toBeUndefined();
    expect(data.organisation).toMatchObject({ name: 'Utdanningsforbundet', leaderMemberCount: { low: 9700 } });
  });

  it("see each register's size, but get null with FORBIDDEN for its breakdowns and members, and the rest of the answer", async () => {
    const response = await federation.query(
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
    const size = await federation.query(`{ organisation(id: "lederne") { register { leaderMemberCount synthetic } } }`);
    expect(size.data.organisation.register).toEqual({ leaderMemberCount: 1000, synthetic: true });
  });
});

describe('the secretariat and dashboards', () => {
  it.each([['secretariat']] as const)('%s reads every register but no member', async (role) => {
    const response = await federation.query(
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

describe('a dashboard', () => {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'gateway', 'persisted-operations.json'), 'utf8')) as {
    operations: { id: string; name: string }[];
  };

  it('runs a registered operation by its id', async () => {
    const token = await federation.token({ role: 'dashboard' });
    const response = await fetch(federation.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: manifest.operations[0]!.id } } }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown };
    expect(response.status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toBeTruthy();
  });

  it('may run nothing else: any other query is refused with PERSISTED_QUERY_REQUIRED', async () => {
    const response = await federation.query(`{ organisations(kind: UNION) { id register { leaderMemberCount } } }`, {}, { as: { role: 'dashboard' } });
    expect(response.status).toBe(403);
    expect(response.data).toBeUndefined();
    expect(response.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_REQUIRED');
  });
});

describe("a union's staff", () => {
  it('read their own members', async () => {
    const { data, errors } = await federation.query(`{ organisation(id: "lederne") { ${MEMBERS} } }`, {}, LEDERNE_STAFF);
    expect(errors).toBeUndefined();
    expect(data.organisation.leaderMembers.totalCount).toBe(1000);
    expect(data.organisation.leaderMembers.edges[0].node.id).toBe('lederne-m0000001');
  });

  it("cannot read another union's members by any route: list, aliases, fragments", async () => {
    const response = await federation.query(
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

  it("cannot reach another union's members through a work group's participants either", async () => {
    const response = await federation.query(
      `{ workGroup(id: "lo-dk-faelles-ledelsesarbejde") { participants { ... on Organisation { id leaderMembers(first: 1) { edges { node { id } } } } } } }`,
      {},
      { as: { role: 'union-staff', org: 'foa' } },
    );
    const participants = response.data.workGroup.participants as { id: string; leaderMembers: { edges: { node: { id: string } }[] } | null }[];
    expect(participants.length).toBeGreaterThan(5);
    for (const participant of participants) {
      if (participant.id === 'foa') expect(participant.leaderMembers!.edges[0]!.node.id).toBe('foa-m0000001');
      else expect(participant.leaderMembers).toBeNull();
    }
    expect(new Set(response.errors!.map((error) => error.extensions?.code))).toEqual(new Set(['FORBIDDEN']));
  });

  it('learn nothing about whether another organisation has members at all', async () => {
    const withRegister = await federation.query(`{ organisation(id: "foa") { ${MEMBERS} } }`, {}, LEDERNE_STAFF);
    const withoutRegister = await federation.query(`{ organisation(id: "lo-denmark") { ${MEMBERS} } }`, {}, LEDERNE_STAFF);
    expect(withoutRegister.data).toEqual(withRegister.data);
    expect(withoutRegister.errors!.map((e) => [e.message, e.extensions?.code])).toEqual(
      withRegister.errors!.map((e) => [e.message, e.extensions?.code]),
    );
  });

  it('find every read of their members in their own audit log, and cannot read another union\'s', async () => {
    // A reader of its own, so other suites reading Lederne's members at the same time do not matter.
    const subject = `auditor-${process.pid}-${Date.now()}`;
    const token = await issueToken(federation.keys.issuer.privateKey, { role: 'union-staff', organisationId: 'lederne', subject });
    await federation.query(`{ organisation(id: "lederne") { leaderMembers(first: 2) { totalCount } } }`, {}, { as: { token } });
    const { data } = await federation.query(
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
    const other = await federation.query(`{ organisation(id: "ledarna") { personalDataAccessLog { edges { node { actor } } } } }`, {}, LEDERNE_STAFF);
    expect(other.data.organisation.personalDataAccessLog).toBeNull();
    expect(codesAt(other)).toEqual([['organisation.personalDataAccessLog', 'FORBIDDEN']]);
  });
});
