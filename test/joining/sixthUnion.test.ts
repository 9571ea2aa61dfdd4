import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '@nlf/stack';
import { startTestFederation, type TestFederation } from '../harness/federation';
import { startScaffoldedUnion, type TestUnion } from '../harness/newUnion';

/**
 * The "done when" of joining: a sixth union, made with the scaffold, joins a running gateway by a
 * change of its config alone.
 */
const scratch = mkdtempSync(join(tmpdir(), 'nlf-joining-'));
const configPath = join(scratch, 'federation.config.json');
let federation: TestFederation;
let union: TestUnion;

beforeAll(async () => {
  copyFileSync(join(REPO_ROOT, 'gateway', 'federation.config.json'), configPath);
  // One after the other: each picks free ports, which two starting at once could both pick.
  // The traffic below is one anonymous identity querying back to back, far above the per-identity
  // rate limit once answers come from the cache: measured without it.
  federation = await startTestFederation({ env: { NLF_FEDERATION_CONFIG: configPath, NLF_RATE_LIMIT_PER_MINUTE: '0' } });
  union = await startScaffoldedUnion({ id: 'nordled', name: 'Nordleds Chefsförbund', country: 'SE' });
}, 180_000);
afterAll(async () => {
  await Promise.all([federation?.stop(), union?.stop()]);
  rmSync(scratch, { recursive: true, force: true });
});

const ids = async () => ((await federation.query('{ organisations { id } }')).data?.organisations ?? []).map((o: { id: string } | null) => o?.id);

/** Queries the gateway back to back until `done`, and returns every answer. */
async function keepQuerying(done: () => boolean) {
  const answers: { status: number; errors?: unknown[] }[] = [];
  while (!done()) answers.push(await federation.query('{ organisations { id name leaderMemberCount { low } } }'));
  return answers;
}

async function waitFor<T>(probe: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

test('a refused config keeps the old supergraph serving and says why on /health', async () => {
  const config = JSON.parse(readFileSync(configPath, 'utf8'));
  const wrong = { name: 'nordled', typeName: 'Nordled', url: union.url, organisations: [{ id: 'nordled', country: 'SE', kind: 'UNION' }] };
  writeFileSync(configPath, JSON.stringify({ ...config, subgraphs: [...config.subgraphs, wrong] }, null, 2));
  const refused = await waitFor(async () => (await federation.get('/health')).body.supergraph.refused);
  expect(refused.reason).toContain('Subgraph "nordled" must change Nordled: type Nordled is not defined (the subgraph defines NordledsChefsforbund instead)');
  expect(await ids()).not.toContain('nordled');
  writeFileSync(configPath, JSON.stringify(config, null, 2));
});

test('a sixth union joins by its config entry alone, while requests keep succeeding', async () => {
  const before = Object.fromEntries(Object.entries(federation.running.subgraphs).map(([name, s]) => [name, s.child.pid]));
  const version = (await federation.get('/health')).body.supergraph.version;
  const entry = JSON.parse(readFileSync(union.configPath, 'utf8')).subgraphs.at(-1);
  const config = JSON.parse(readFileSync(configPath, 'utf8'));

  let joined = false;
  const traffic = keepQuerying(() => joined);
  writeFileSync(configPath, JSON.stringify({ ...config, subgraphs: [...config.subgraphs, { ...entry, url: union.url }] }, null, 2));
  await waitFor(async () => ((await federation.get('/health')).body.supergraph.version > version ? true : undefined));
  joined = true;
  const answers = await traffic;

  expect(answers.length).toBeGreaterThan(0);
  expect(answers.filter((a) => a.status !== 200 || a.errors)).toEqual([]);
  expect(await ids()).toContain('nordled');
  const comparison = await federation.query('{ comparison(country: SE) { organisations { id name } leaderMemberCount { missing reporting } } }');
  expect(comparison.errors).toBeUndefined();
  expect(comparison.data.comparison.organisations).toEqual([
    { id: 'ledarna', name: 'Ledarna' },
    { id: 'nordled', name: 'Nordleds Chefsförbund' },
  ]);
  // Neither Ledarna's sources nor the new union's data file give a leader-member figure: listed as
  // missing, never counted as 0.
  expect(comparison.data.comparison.leaderMemberCount).toEqual({ missing: ['ledarna', 'nordled'], reporting: 0 });
  expect(Object.fromEntries(Object.entries(federation.running.subgraphs).map(([name, s]) => [name, s.child.pid]))).toEqual(before);
});
