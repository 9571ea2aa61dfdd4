import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@nlf/stack';
import { useTestFederation } from '../harness/federation';
import { describeRoleScenarios } from './roleScenarios';

const federation = useTestFederation();

describeRoleScenarios(federation, federation);

describe("a union's staff, through the work groups", () => {
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

