import { generateKeyPairPem } from '@nlf/contract';
import { issueToken } from '@nlf/stack';
import { importPKCS8, SignJWT } from 'jose';
import { useTestFederation } from '../harness/federation';

const federation = useTestFederation();

const QUERY = '{ organisation(id: "lederne") { name } }';
const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

async function signed(claims: Record<string, unknown>, options: { key?: string; issuer?: string; audience?: string; expiresIn?: string | number } = {}) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'EdDSA' })
    .setIssuer(options.issuer ?? 'nlf-local')
    .setAudience(options.audience ?? 'nordic-leaders-federation')
    .setSubject('tester')
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '1h')
    .sign(await importPKCS8(options.key ?? federation.keys.issuer.privateKey, 'EdDSA'));
}

async function expectRefused(token: string, reason: RegExp) {
  const response = await federation.query(QUERY, {}, { as: { token } });
  expect(response.status).toBe(401);
  expect(response.data).toBeUndefined();
  expect(response.errors).toEqual([expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } })]);
  expect(response.errors![0]!.message).toMatch(reason);
}

describe('bearer tokens', () => {
  it('accepts a token of the issuer', async () => {
    const token = await issueToken(federation.keys.issuer.privateKey, { role: 'secretariat' });
    const response = await federation.query(QUERY, {}, { as: { token } });
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ organisation: { name: 'Lederne' } });
  });

  it('refuses an expired token', async () => {
    await expectRefused(await signed({ role: 'secretariat' }, { expiresIn: Math.floor(Date.now() / 1000) - 60 }), /expired/);
  });

  it('refuses a token signed with another key', async () => {
    const stranger = await generateKeyPairPem();
    await expectRefused(await signed({ role: 'secretariat' }, { key: stranger.privateKey }), /signature/);
  });

  it('refuses an unsigned token (alg: none)', async () => {
    const payload = { iss: 'nlf-local', aud: 'nordic-leaders-federation', sub: 'x', role: 'secretariat', exp: Math.floor(Date.now() / 1000) + 600 };
    await expectRefused(`${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(payload)}.`, /not a valid signed JWT|algorithm/);
  });

  it('refuses a token of another issuer or for another audience', async () => {
    await expectRefused(await signed({ role: 'secretariat' }, { issuer: 'https://evil.example' }), /"iss"/);
    await expectRefused(await signed({ role: 'secretariat' }, { audience: 'another-api' }), /"aud"/);
  });

  it('refuses a token without a known role, or union staff without an organisation of the federation', async () => {
    await expectRefused(await signed({ role: 'admin' }), /no known role/);
    await expectRefused(await signed({ role: 'union-staff' }), /organisation/);
    await expectRefused(await signed({ role: 'union-staff', org: 'no-such-union' }), /organisation/);
  });

  it('refuses a malformed Authorization header instead of treating it as anonymous', async () => {
    const response = await federation.query(QUERY, {}, { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(response.status).toBe(401);
  });
});
