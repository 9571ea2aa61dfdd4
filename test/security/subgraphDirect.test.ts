import { ANONYMOUS, GATEWAY_SIGNATURE_HEADER, generateKeyPairPem, importPrivateKey, signGatewayRequest, type Viewer } from '@nlf/contract';
import { useTestFederation } from '../harness/federation';

const federation = useTestFederation();

const MEMBERS = JSON.stringify({
  query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Lederne { leaderMembers(first: 2) { edges { node { id } } } } } }',
  variables: { r: [{ __typename: 'Lederne', id: 'lederne' }] },
});
const STAFF: Viewer = { subject: 'mallory', role: 'union-staff', organisationId: 'lederne' };

async function post(body: string, signature?: string) {
  const response = await fetch(federation.running.subgraphs.lederne!.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature ? { [GATEWAY_SIGNATURE_HEADER]: signature } : {}) },
    body,
  });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { extensions: { code: string } }[] } };
}

const gatewayKey = () => importPrivateKey(federation.keys.gateway.privateKey);
const request = (body: string) => ({ method: 'POST', path: '/graphql', body });

describe('a subgraph reached directly', () => {
  it('refuses a call without the gateway signature', async () => {
    const response = await post(MEMBERS);
    expect(response.status).toBe(401);
    expect(response.body.errors?.[0]?.extensions.code).toBe('GATEWAY_SIGNATURE_INVALID');
    expect(response.body.data).toBeUndefined();
  });

  it('refuses a forged identity signed with any other key', async () => {
    const forger = await importPrivateKey((await generateKeyPairPem()).privateKey);
    const response = await post(MEMBERS, await signGatewayRequest(forger, 'lederne', request(MEMBERS), STAFF));
    expect(response.status).toBe(401);
  });

  it('refuses a genuine signature replayed with another query', async () => {
    const harmless = JSON.stringify({ query: '{ __typename }' });
    const captured = await signGatewayRequest(await gatewayKey(), 'lederne', request(harmless), STAFF);
    expect((await post(harmless, captured)).status).toBe(200);
    expect((await post(MEMBERS, captured)).status).toBe(401);
  });

  it('refuses a genuine signature made for another subgraph', async () => {
    const response = await post(MEMBERS, await signGatewayRequest(await gatewayKey(), 'ledarna', request(MEMBERS), STAFF));
    expect(response.status).toBe(401);
  });

  it('still enforces who may see members on a correctly signed call', async () => {
    const asAnonymous = await post(MEMBERS, await signGatewayRequest(await gatewayKey(), 'lederne', request(MEMBERS), ANONYMOUS));
    expect(asAnonymous.status).toBe(200);
    expect(asAnonymous.body.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const asStaff = await post(MEMBERS, await signGatewayRequest(await gatewayKey(), 'lederne', request(MEMBERS), STAFF));
    expect(asStaff.body.data).toEqual({ _entities: [{ leaderMembers: { edges: [{ node: { id: 'lederne-m0000001' } }, { node: { id: 'lederne-m0000002' } }] } }] });
  });
});
