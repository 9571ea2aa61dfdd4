import { composeServices } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { issueToken, REPO_ROOT } from '@nlf/stack';
import { GraphQLError, parse } from 'graphql';
import { importSPKI, jwtVerify } from 'jose';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { Agent, fetch as undiciFetch } from 'undici';
import { useTestFederation } from '../harness/federation';
import { identityFromFiles, routerClient } from '../harness/routerClient';

/**
 * A union subgraph written without the kit, as a union's IT team would in any language, using only
 * what docs/security.md "Calls from any router" documents: it answers GraphQL only to a client
 * certificate of the routers' CA, and verifies the forwarded token itself against the issuer's key. A
 * stock router (@apollo/gateway, configured with the CA, the router certificate and "forward
 * Authorization") runs it composed with Lederne's subgraph, which it reaches through the kit's TLS door.
 */
const federation = useTestFederation();

// ---- the plain subgraph: node:https, @apollo/server + @apollo/subgraph, jose ----
const PLAIN_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query { plainUnion: PlainUnion! }
  type PlainUnion { name: String! caller: String! members: [String!] partner: Lederne! }
  type Lederne @key(fields: "id", resolvable: false) { id: ID! }`;
type Caller = { role: string; org?: string };
const callerIn = (context: unknown) => (context as { caller: Caller }).caller;

async function startPlainSubgraph(tls: { cert: string; key: string; ca: string }, issuerPublicKey: string): Promise<Server> {
  const issuerKey = await importSPKI(issuerPublicKey, 'EdDSA');
  const apollo = new ApolloServer<{ caller: Caller }>({
    schema: buildSubgraphSchema({
      typeDefs: parse(PLAIN_SDL),
      resolvers: {
        Query: { plainUnion: () => ({}) },
        PlainUnion: {
          name: () => 'Plain Union',
          caller: (_: unknown, __: unknown, context: unknown) => {
            const caller = callerIn(context);
            return caller.org ? `${caller.role}:${caller.org}` : caller.role;
          },
          members: (_: unknown, __: unknown, context: unknown) => {
            const caller = callerIn(context);
            if (caller.role !== 'union-staff' || caller.org !== 'plain-union') throw new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } });
            return ['plain-m1', 'plain-m2'];
          },
          partner: () => ({ id: 'lederne' }),
        },
      },
    }),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();
  const refuse = (res: import('node:http').ServerResponse, code: string) =>
    res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: code, extensions: { code } }] }));
  const server = createServer({ ...tls, requestCert: true, rejectUnauthorized: false }, async (req, res) => {
    if (req.url === '/health') return res.writeHead(200).end('{"status":"ok"}');
    if (!(req.socket as TLSSocket).authorized) return refuse(res, 'ROUTER_CERTIFICATE_REQUIRED');
    let caller: Caller = { role: 'anonymous' };
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (req.headers.authorization) {
      try {
        const { payload } = await jwtVerify(bearer ?? '', issuerKey, { issuer: 'nlf-local', audience: 'nordic-leaders-federation', algorithms: ['EdDSA'], requiredClaims: ['sub', 'exp'] });
        caller = { role: String(payload.role), org: payload.org as string | undefined };
      } catch {
        return refuse(res, 'UNAUTHENTICATED');
      }
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new HeaderMap(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
    const answer = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method!, headers, search: '', body: JSON.parse(Buffer.concat(chunks).toString() || '{}') },
      context: async () => ({ caller }),
    });
    res.writeHead(answer.status ?? 200, Object.fromEntries(answer.headers));
    res.end(answer.body.kind === 'complete' ? answer.body.string : '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}
// ---- end of the plain subgraph ----

let plain: Server;
let plainUrl: string;
let router: { url: string; stop: () => Promise<void> };

/** A stock router configured as docs/security.md says: trust the CA, present the router certificate, forward Authorization. */
async function startStockRouter(subgraphs: { name: string; url: string; sdl: string }[]) {
  const composed = composeServices(subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  const { cert, key } = identityFromFiles(federation.running.tls.clientCertFile, federation.running.tls.clientKeyFile);
  const agent = new Agent({ connect: { ca: readFileSync(federation.running.tls.caFile, 'utf8'), cert, key } });
  const gateway = new ApolloGateway({
    supergraphSdl: composed.supergraphSdl,
    buildService: ({ url }) =>
      new RemoteGraphQLDataSource<{ authorization?: string }>({
        url,
        fetcher: ((input: string, init: object) => undiciFetch(input, { ...init, dispatcher: agent })) as never,
        willSendRequest({ request, context }) {
          if (context.authorization) request.http!.headers.set('authorization', context.authorization);
        },
      }),
  });
  const server = new ApolloServer<{ authorization?: string }>({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { host: '127.0.0.1', port: 0 },
    context: async ({ req }) => ({ authorization: req.headers.authorization }),
  });
  return { url, stop: async () => { await server.stop(); await agent.close(); } };
}

beforeAll(async () => {
  const local = federation.keys.tls;
  plain = await startPlainSubgraph(
    { cert: readFileSync(local.certFile, 'utf8'), key: readFileSync(local.keyFile, 'utf8'), ca: readFileSync(local.caFile, 'utf8') },
    federation.keys.issuer.publicKey,
  );
  plainUrl = `https://127.0.0.1:${(plain.address() as AddressInfo).port}/graphql`;
  router = await startStockRouter([
    { name: 'plain', url: plainUrl, sdl: PLAIN_SDL },
    { name: 'lederne', url: federation.running.subgraphTlsUrls.lederne!, sdl: readFileSync(join(REPO_ROOT, 'services', 'lederne', 'subgraph.graphql'), 'utf8') },
  ]);
}, 60_000);
afterAll(async () => {
  await router?.stop();
  await new Promise((resolve) => plain?.close(resolve));
});

const QUERY = '{ plainUnion { name caller partner { name leaderMembers(first: 1) { edges { node { id } } } } } }';
async function throughRouter(query: string, token?: string) {
  const response = await fetch(router.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: any; errors?: { path?: string[]; extensions?: { code?: string } }[] };
}

describe('a union subgraph written without the kit', () => {
  it("is called by a stock router with Lederne's subgraph, and both see the caller the router forwarded", async () => {
    const staff = await issueToken(federation.keys.issuer.privateKey, { role: 'union-staff', organisationId: 'lederne' });
    const answer = await throughRouter(QUERY, staff);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.plainUnion).toEqual({
      name: 'Plain Union',
      caller: 'union-staff:lederne',
      partner: { name: 'Lederne', leaderMembers: { edges: [{ node: { id: 'lederne-m0000001' } }] } },
    });
  });

  it('keeps each union to its own members, in both subgraphs', async () => {
    const anonymous = await throughRouter(QUERY);
    expect(anonymous.data.plainUnion).toMatchObject({ caller: 'anonymous', partner: { name: 'Lederne', leaderMembers: null } });
    expect(anonymous.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    const plainStaff = await issueToken(federation.keys.issuer.privateKey, { role: 'union-staff', organisationId: 'plain-union' });
    expect((await throughRouter('{ plainUnion { members } }', plainStaff)).data.plainUnion.members).toEqual(['plain-m1', 'plain-m2']);
    const lederneStaff = await issueToken(federation.keys.issuer.privateKey, { role: 'union-staff', organisationId: 'lederne' });
    const refused = await throughRouter('{ plainUnion { members } }', lederneStaff);
    expect(refused.data.plainUnion.members).toBeNull();
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a caller without the router certificate, and a token that does not verify', async () => {
    const stranger = routerClient(federation.running.tls.caFile);
    const noCertificate = await stranger.post(plainUrl, JSON.stringify({ query: '{ plainUnion { caller } }' }));
    await stranger.close();
    expect(noCertificate.status).toBe(401);
    expect(noCertificate.body.errors?.[0]?.extensions?.code).toBe('ROUTER_CERTIFICATE_REQUIRED');
    const withCertificate = routerClient(
      federation.running.tls.caFile,
      identityFromFiles(federation.running.tls.clientCertFile, federation.running.tls.clientKeyFile),
    );
    const forged = await withCertificate.post(plainUrl, JSON.stringify({ query: '{ plainUnion { caller } }' }), 'e30.e30.forged');
    await withCertificate.close();
    expect(forged.status).toBe(401);
    expect(forged.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
