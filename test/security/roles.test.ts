import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@nlf/stack';
import { useTestFederation } from '../harness/federation';
import { describeRoleScenarios } from './roleScenarios';

const federation = useTestFederation();

describeRoleScenarios(federation, federation);

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

