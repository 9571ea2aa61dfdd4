import { importPublicKey } from '@nlf/contract';
import { ensureLocalKeys } from '@nlf/stack';
import { loadConfig, startRegistryServer, type RunningRegistry } from '@nlf/gateway';
import { createLogger } from '@nlf/kit';
import { startTestFederation, type TestFederation } from '../harness/federation';
import { harnessState } from '../harness/state';

// The gateway with NLF_REGISTRY=remote calls the registry at its URL like every subgraph: what a
// replica or another router does. The answers are the embedded registry's.
let registry: RunningRegistry;
let federation: TestFederation;

beforeAll(async () => {
  const keys = await ensureLocalKeys(harnessState().keysDir);
  registry = await startRegistryServer({
    config: loadConfig(),
    gatewayKey: await importPublicKey(keys.gateway.publicKey),
    port: 0,
    logger: createLogger({ service: 'registry', level: 'warn' }),
  });
  federation = await startTestFederation({ env: { NLF_REGISTRY: 'remote', NLF_SUBGRAPH_URL_REGISTRY: registry.url, NLF_RESPONSE_CACHE: 'off' } });
}, 120_000);
afterAll(async () => {
  await federation?.stop();
  await registry?.close();
});

describe('the registry as its own server (NLF_REGISTRY=remote)', () => {
  it("totals the Danish table through it: 12 835–13 185 leader members from nine unions", async () => {
    const { data, errors } = await federation.query(`{
      comparison(country: DK) { organisations { id name } leaderMemberCount { low high reporting missing unavailable estimate } }
    }`);
    expect(errors).toBeUndefined();
    expect(data.comparison.leaderMemberCount).toEqual({ low: 12835, high: 13185, reporting: 9, missing: [], unavailable: [], estimate: true });
    expect(data.comparison.organisations).toHaveLength(9);
    expect(data.comparison.organisations[0]).toEqual({ id: 'foa', name: 'FOA' });
  });

  it('is probed by /health as a subgraph of its own', async () => {
    const health = await federation.get('/health');
    expect(health.status).toBe(200);
    expect(JSON.stringify(health.body)).toContain('registry');
  });

  it('when it stops, a comparison fails without internals in the answer', async () => {
    await registry.close();
    const { data, errors } = await federation.query('{ comparison(country: SE) { leaderMemberCount { low } } }');
    expect(data?.comparison ?? null).toBeNull();
    expect(errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(errors)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
  });
});
