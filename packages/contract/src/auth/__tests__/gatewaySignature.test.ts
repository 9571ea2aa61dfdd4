import type { KeyLike } from 'jose';
import { ErrorCode, GatewaySignatureError } from '../../errors';
import { SIGNATURE_LIFETIME_SECONDS, signGatewayRequest, verifyGatewayRequest, type SignedRequest } from '../gatewaySignature';
import { generateKeyPairPem, importPrivateKey, importPublicKey } from '../keys';
import type { Viewer } from '../viewer';

let privateKey: KeyLike;
let publicKey: KeyLike;
let otherPrivateKey: KeyLike;

beforeAll(async () => {
  const pair = await generateKeyPairPem();
  privateKey = await importPrivateKey(pair.privateKey);
  publicKey = await importPublicKey(pair.publicKey);
  otherPrivateKey = await importPrivateKey((await generateKeyPairPem()).privateKey);
});
afterEach(() => jest.useRealTimers());

const REQUEST: SignedRequest = { method: 'POST', path: '/graphql', body: '{"query":"{ organisations { id } }"}' };
const ANNA: Viewer = { subject: 'anna', role: 'union-staff', organisationId: 'lederne' };

/** The reason a verification was refused, with its stable code checked. */
async function refusal(verifying: Promise<Viewer>): Promise<string> {
  const error = await verifying.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(GatewaySignatureError);
  expect((error as GatewaySignatureError).extensions.code).toBe(ErrorCode.GATEWAY_SIGNATURE_INVALID);
  return (error as Error).message;
}

describe('gateway signature', () => {
  it('gives back the caller it was signed for', async () => {
    const header = await signGatewayRequest(privateKey, 'lederne', REQUEST, ANNA);
    await expect(verifyGatewayRequest(publicKey, 'lederne', REQUEST, header)).resolves.toEqual(ANNA);
  });

  it.each<[string, Viewer]>([
    ['an anonymous caller', { subject: null, role: 'anonymous', organisationId: null }],
    ['the secretariat, with its organisation', { subject: 'sara', role: 'secretariat', organisationId: 'oao' }],
    ['a dashboard, which belongs to no organisation', { subject: 'board', role: 'dashboard', organisationId: null }],
  ])('gives back %s', async (_who, viewer) => {
    const header = await signGatewayRequest(privateKey, 'lederne', REQUEST, viewer);
    await expect(verifyGatewayRequest(publicKey, 'lederne', REQUEST, header)).resolves.toEqual(viewer);
  });

  it('refuses a request without a signature', async () => {
    expect(await refusal(verifyGatewayRequest(publicKey, 'lederne', REQUEST, undefined))).toBe(
      'Not signed by the gateway: this subgraph answers only the federation gateway: the request is not signed',
    );
  });

  it.each<[string, SignedRequest]>([
    ['another body', { ...REQUEST, body: '{"query":"{ organisation(id: \\"lederne\\") { leaderMembers { totalCount } } }"}' }],
    ['another path', { ...REQUEST, path: '/graphql?debug=1' }],
    ['another method', { ...REQUEST, method: 'GET' }],
  ])('refuses a signature replayed with %s', async (_what, tampered) => {
    const header = await signGatewayRequest(privateKey, 'lederne', REQUEST, ANNA);
    expect(await refusal(verifyGatewayRequest(publicKey, 'lederne', tampered, header))).toBe(
      'Not signed by the gateway: the gateway signature was made for another request',
    );
  });

  it('refuses a signature made for another subgraph', async () => {
    const header = await signGatewayRequest(privateKey, 'fagforbundet', REQUEST, ANNA);
    expect(await refusal(verifyGatewayRequest(publicKey, 'lederne', REQUEST, header))).toBe(
      'Not signed by the gateway: the gateway signature is not valid for this subgraph',
    );
  });

  it('refuses a signature made with another key', async () => {
    const header = await signGatewayRequest(otherPrivateKey, 'lederne', REQUEST, ANNA);
    expect(await refusal(verifyGatewayRequest(publicKey, 'lederne', REQUEST, header))).toMatch(/not valid for this subgraph/);
  });

  it('refuses claims changed after signing (a union-staff caller made secretariat)', async () => {
    const [head, payload, signature] = (await signGatewayRequest(privateKey, 'lederne', REQUEST, ANNA)).split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
    expect(claims).toMatchObject({ role: 'union-staff', org: 'lederne', sub: 'anna', aud: 'lederne', iss: 'nlf-gateway' });
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'secretariat' })).toString('base64url');
    expect(await refusal(verifyGatewayRequest(publicKey, 'lederne', REQUEST, `${head}.${forged}.${signature}`))).toMatch(/not valid/);
  });

  it('refuses union staff without an organisation', async () => {
    const header = await signGatewayRequest(privateKey, 'lederne', REQUEST, { subject: 'anna', role: 'union-staff', organisationId: null });
    expect(await refusal(verifyGatewayRequest(publicKey, 'lederne', REQUEST, header))).toBe(
      'Not signed by the gateway: union staff must belong to an organisation',
    );
  });

  it('makes every signature unique, so no two calls carry the same one', async () => {
    const first = await signGatewayRequest(privateKey, 'lederne', REQUEST, ANNA);
    const second = await signGatewayRequest(privateKey, 'lederne', REQUEST, ANNA);
    expect(first).not.toBe(second);
  });

  describe('replay window', () => {
    const signedAt = new Date('2026-03-01T10:00:00Z').getTime();
    const verifyAt = async (header: string, secondsAfter: number) => {
      jest.setSystemTime(signedAt + secondsAfter * 1000);
      return verifyGatewayRequest(publicKey, 'lederne', REQUEST, header);
    };
    const signNow = async () => {
      jest.useFakeTimers({ now: signedAt, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
      return signGatewayRequest(privateKey, 'lederne', REQUEST, ANNA);
    };

    it('accepts a signature for its 60 s lifetime and the 5 s clock tolerance', async () => {
      expect(SIGNATURE_LIFETIME_SECONDS).toBe(60);
      const header = await signNow();
      await expect(verifyAt(header, 0)).resolves.toEqual(ANNA);
      await expect(verifyAt(header, 64)).resolves.toEqual(ANNA);
    });

    it('refuses it once its lifetime and the tolerance are over', async () => {
      const header = await signNow();
      expect(await refusal(verifyAt(header, 66))).toMatch(/not valid for this subgraph/);
    });

    it('refuses a signature dated more than the tolerance ahead of the subgraph clock', async () => {
      const header = await signNow();
      expect(await refusal(verifyAt(header, -10))).toMatch(/not valid for this subgraph/);
    });
  });
});
