import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANONYMOUS, gatewaySignatureHeaders, generateKeyPairPem, importPrivateKey, importPublicKey } from '@nlf/contract';
import { createLogger } from '@nlf/kit';
import { DEFAULT_CONFIG_PATH, loadConfig, REGISTRY_NAME, type FederationConfig } from '../../config';
import { startRegistryServer, type RunningRegistry } from '../serveRegistry';

const SWEDISH_UNIONS = '{ organisations(country: SE) { id __typename } }';

let directory: string;
let configPath: string;
let registry: RunningRegistry;
let signingKey: Awaited<ReturnType<typeof importPrivateKey>>;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'nlf-registry-'));
  configPath = join(directory, 'federation.config.json');
  writeFileSync(configPath, readFileSync(DEFAULT_CONFIG_PATH));
  const keys = await generateKeyPairPem();
  signingKey = await importPrivateKey(keys.privateKey);
  registry = await startRegistryServer({
    config: loadConfig(configPath),
    configPath,
    intervalMs: 50,
    gatewayKey: await importPublicKey(keys.publicKey),
    port: 0,
    logger: createLogger({ service: 'registry', level: 'warn' }),
  });
});
afterAll(async () => {
  await registry.close();
  rmSync(directory, { recursive: true, force: true });
});

async function call(query: string, options: { signed?: boolean; audience?: string } = {}) {
  const body = JSON.stringify({ query });
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.signed !== false) Object.assign(headers, await gatewaySignatureHeaders(signingKey, options.audience ?? REGISTRY_NAME, registry.url, body, ANONYMOUS));
  const response = await fetch(registry.url, { method: 'POST', headers, body });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] } };
}

describe('the registry as a server of its own', () => {
  it('answers a signed call from the config alone: the Swedish union is Ledarna', async () => {
    const answer = await call(SWEDISH_UNIONS);
    expect(answer.status).toBe(200);
    expect(answer.body.data.organisations).toEqual([{ id: 'ledarna', __typename: 'Ledarna' }]);
  });

  it('refuses a call without the gateway signature, or signed for another subgraph, with 401 GATEWAY_SIGNATURE_INVALID', async () => {
    for (const options of [{ signed: false }, { audience: 'lederne' }]) {
      const answer = await call(SWEDISH_UNIONS, options);
      expect(answer.status).toBe(401);
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('GATEWAY_SIGNATURE_INVALID');
    }
  });

  it('answers the entity calls the query planner makes (which type, and so which subgraph, an id has)', async () => {
    const answer = await call('{ _entities(representations: [{ __typename: "Organisation", id: "foa" }]) { ... on Organisation { id __typename } } }');
    expect(answer.body.data._entities).toEqual([{ id: 'foa', __typename: 'LoDenmark' }]);
  });

  it('follows its config file: a union moved to another country is answered there, without a restart', async () => {
    const config = JSON.parse(readFileSync(configPath, 'utf8')) as FederationConfig;
    const ledarna = config.subgraphs.find((subgraph) => subgraph.name === 'ledarna')!;
    ledarna.organisations = ledarna.organisations.map((org) => ({ ...org, country: 'NO' }));
    writeFileSync(configPath, `${JSON.stringify(config, null, 2)}\n`);
    const deadline = Date.now() + 5000;
    let swedish = (await call(SWEDISH_UNIONS)).body.data.organisations;
    while (swedish.length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      swedish = (await call(SWEDISH_UNIONS)).body.data.organisations;
    }
    expect(swedish).toEqual([]);
    expect((await call('{ organisations(country: NO) { id } }')).body.data.organisations.map((org: { id: string }) => org.id)).toContain('ledarna');
  });

  it('keeps its schema when the changed config is not valid', async () => {
    writeFileSync(configPath, '{ "registry": ');
    registry.reload();
    const answer = await call('{ organisations(country: NO) { id } }');
    expect(answer.status).toBe(200);
    expect(answer.body.data.organisations.map((org: { id: string }) => org.id)).toContain('ledarna');
  });
});
