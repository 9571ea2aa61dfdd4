import { GATEWAY_SIGNATURE_HEADER, generateKeyPairPem, importPrivateKey, importPublicKey, signGatewayRequest } from '@nlf/contract';
import { loadConfig, startRegistryServer, type RunningRegistry } from '@nlf/gateway';
import { createLogger, tlsDoorFrom } from '@nlf/kit';
import { createCertificateAuthority, issueToken } from '@nlf/stack';
import { SignJWT } from 'jose';
import { useTestFederation } from '../harness/federation';
import { identityFromFiles, routerClient } from '../harness/routerClient';

/**
 * The TLS door every kit subgraph serves for routers (docs/security.md "Calls from any router"): a
 * client certificate of the routers' CA says a router calls, the caller's own token (forwarded by the
 * router) says who. subgraphDirect.test.ts pins the other door, the gateway signature on the plain port.
 */
const federation = useTestFederation();

const entities = (typeName: string, id: string, selection: string) =>
  JSON.stringify({
    query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typeName} { ${selection} } } }`,
    variables: { r: [{ __typename: typeName, id }] },
  });
const LEDERNE_MEMBERS = entities('Lederne', 'lederne', 'name leaderMembers(first: 2) { edges { node { id } } }');
const LEDARNA_MEMBERS = entities('Ledarna', 'ledarna', 'name leaderMembers(first: 2) { edges { node { id } } }');

const door = (subgraph: string) => federation.running.subgraphTlsUrls[subgraph]!;
let clients: ReturnType<typeof routerClient>[] = [];
const client = (identity?: { cert: string; key: string }) => {
  const made = routerClient(federation.running.tls.caFile, identity);
  clients.push(made);
  return made;
};
const router = () => client(identityFromFiles(federation.running.tls.clientCertFile, federation.running.tls.clientKeyFile));
const codes = (body: { errors?: { path?: (string | number)[]; extensions?: { code?: string } }[] }) =>
  (body.errors ?? []).map((error) => [error.path?.join('.'), error.extensions?.code]);

afterAll(async () => {
  await Promise.all(clients.map((made) => made.close()));
  clients = [];
});

describe("a subgraph's TLS door", () => {
  it('answers /health and /ready without a client certificate, so probes keep working', async () => {
    const probe = client();
    expect((await probe.get(new URL('/health', door('lederne')).href)).body).toMatchObject({ status: 'ok', subgraph: 'lederne' });
    expect((await probe.get(new URL('/ready', door('lederne')).href)).status).toBe(200);
  });

  it('refuses GraphQL without a client certificate, whatever token or gateway signature comes with it', async () => {
    const token = await issueToken(federation.keys.issuer.privateKey, { role: 'union-staff', organisationId: 'lederne' });
    const signature = await signGatewayRequest(
      await importPrivateKey(federation.keys.gateway.privateKey),
      'lederne',
      { method: 'POST', path: '/graphql', body: LEDERNE_MEMBERS },
      { subject: 'mallory', role: 'union-staff', organisationId: 'lederne' },
    );
    const answer = await client().post(door('lederne'), LEDERNE_MEMBERS, token, { [GATEWAY_SIGNATURE_HEADER]: signature });
    expect(answer.status).toBe(401);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('ROUTER_CERTIFICATE_REQUIRED');
    expect(answer.body.data).toBeUndefined();
  });

  it('refuses a client certificate of another CA', async () => {
    const other = await createCertificateAuthority('Not the federation');
    const answer = await client(await other.issue('client', 'nlf-router')).post(door('lederne'), LEDERNE_MEMBERS);
    expect(answer.status).toBe(401);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('ROUTER_CERTIFICATE_REQUIRED');
    expect(answer.body.data).toBeUndefined();
  });

  it('answers a router without a token as anonymous: the public facts, and FORBIDDEN for members', async () => {
    const answer = await router().post(door('lederne'), LEDERNE_MEMBERS);
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({ _entities: [{ name: 'Lederne', leaderMembers: null }] });
    expect(codes(answer.body)).toEqual([['_entities.0.leaderMembers', 'FORBIDDEN']]);
  });

  it("lets Lederne's union staff read Lederne's members, and writes the read to Lederne's audit log", async () => {
    const subject = `tls-auditor-${process.pid}-${Date.now()}`;
    const token = await issueToken(federation.keys.issuer.privateKey, { role: 'union-staff', organisationId: 'lederne', subject });
    const read = await router().post(door('lederne'), LEDERNE_MEMBERS, token);
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data).toEqual({
      _entities: [{ name: 'Lederne', leaderMembers: { edges: [{ node: { id: 'lederne-m0000001' } }, { node: { id: 'lederne-m0000002' } }] } }],
    });
    const log = await router().post(
      door('lederne'),
      entities('Lederne', 'lederne', 'personalDataAccessLog(first: 100) { edges { node { actor role field memberIds } } }'),
      token,
    );
    const entries = log.body.data._entities[0].personalDataAccessLog.edges.map((edge: { node: unknown }) => edge.node);
    expect(entries).toContainEqual({ actor: subject, role: 'union-staff', field: 'leaderMembers', memberIds: ['lederne-m0000001', 'lederne-m0000002'] });
  });

  it("refuses the same token another union's members, at that union's door", async () => {
    const token = await issueToken(federation.keys.issuer.privateKey, { role: 'union-staff', organisationId: 'lederne' });
    const answer = await router().post(door('ledarna'), LEDARNA_MEMBERS, token);
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({ _entities: [{ name: 'Ledarna', leaderMembers: null }] });
    expect(codes(answer.body)).toEqual([['_entities.0.leaderMembers', 'FORBIDDEN']]);
  });

  it('refuses a forged, an expired or a malformed token with 401 UNAUTHENTICATED, never as anonymous', async () => {
    const forged = await issueToken((await generateKeyPairPem()).privateKey, { role: 'union-staff', organisationId: 'lederne' });
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({ role: 'union-staff', org: 'lederne' })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setIssuer('nlf-local')
      .setAudience('nordic-leaders-federation')
      .setSubject('late')
      .setIssuedAt(now - 7200)
      .setExpirationTime(now - 60)
      .sign(await importPrivateKey(federation.keys.issuer.privateKey));
    for (const bearer of [forged, expired, 'not-a-token']) {
      const answer = await router().post(door('lederne'), LEDERNE_MEMBERS, bearer);
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toBe('Bearer');
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(answer.body.data).toBeUndefined();
    }
  });

  it('leaves the plain port as it was: the gateway signature, and no certificate asked', async () => {
    const plain = await fetch(federation.running.subgraphs.lederne!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await issueToken(federation.keys.issuer.privateKey, { role: 'union-staff', organisationId: 'lederne' })}` },
      body: LEDERNE_MEMBERS,
    });
    expect(plain.status).toBe(401);
    expect(((await plain.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('GATEWAY_SIGNATURE_INVALID');
  });
});

describe("the registry's TLS door (npm run registry with NLF_TLS_*)", () => {
  let registry: RunningRegistry;
  beforeAll(async () => {
    const { tls, issuer, gateway } = federation.keys;
    registry = await startRegistryServer({
      config: loadConfig(),
      gatewayKey: await importPublicKey(gateway.publicKey),
      // What the registry's command builds from its NLF_TLS_* and NLF_AUTH_* settings.
      tls: await tlsDoorFrom({
        port: 0, certFile: tls.certFile, keyFile: tls.keyFile, clientCaFile: tls.caFile,
        issuer: { issuer: 'nlf-local', audience: 'nordic-leaders-federation', publicKey: issuer.publicKey },
      }),
      port: 0,
      logger: createLogger({ service: 'registry', level: 'warn' }),
    });
  });
  afterAll(() => registry?.close());
  const SWEDEN = JSON.stringify({ query: '{ organisations(country: SE) { __typename id } }' });

  it('answers a router with the organisations of the config, and refuses anyone without its certificate', async () => {
    const answer = await router().post(registry.tlsUrl!, SWEDEN);
    expect(answer.body).toEqual({ data: { organisations: [{ __typename: 'Ledarna', id: 'ledarna' }] } });
    const stranger = await client().post(registry.tlsUrl!, SWEDEN);
    expect(stranger.status).toBe(401);
    expect(stranger.body.errors?.[0]?.extensions?.code).toBe('ROUTER_CERTIFICATE_REQUIRED');
    expect((await client().get(new URL('/health', registry.tlsUrl).href)).status).toBe(200);
  });

  it('refuses a forged token there too', async () => {
    const forged = await issueToken((await generateKeyPairPem()).privateKey, { role: 'secretariat' });
    const answer = await router().post(registry.tlsUrl!, SWEDEN, forged);
    expect(answer.status).toBe(401);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
