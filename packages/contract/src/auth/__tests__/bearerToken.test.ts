import { SignJWT } from 'jose';
import { generateKeyPairPem, importPrivateKey } from '../keys';
import { createAuthenticator, TOKEN_MEMORY_MS } from '../bearerToken';

const ISSUER = 'nlf-test';
const AUDIENCE = 'nordic-leaders-federation';

async function setUp(rememberedTokens?: number) {
  const keys = await generateKeyPairPem();
  let clock = Date.now();
  const authenticate = await createAuthenticator({
    issuer: ISSUER,
    audience: AUDIENCE,
    publicKey: keys.publicKey,
    isOrganisation: (id) => id === 'lederne',
    rememberedTokens,
    now: () => clock,
  });
  const privateKey = await importPrivateKey(keys.privateKey);
  const token = (claims: Record<string, unknown>, expiresInSeconds = 3600) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'EdDSA' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(Math.floor(clock / 1000))
      .setExpirationTime(Math.floor(clock / 1000) + expiresInSeconds)
      .sign(privateKey);
  return { authenticate, token, advance: (ms: number) => (clock += ms) };
}

describe('createAuthenticator', () => {
  it('remembers a verified token for at most TOKEN_MEMORY_MS, then verifies it again', async () => {
    const { authenticate, token, advance } = await setUp();
    const bearer = `Bearer ${await token({ sub: 'kari@lederne', role: 'union-staff', org: 'lederne' })}`;
    const first = await authenticate(bearer);
    expect(first).toEqual({ subject: 'kari@lederne', role: 'union-staff', organisationId: 'lederne' });
    advance(TOKEN_MEMORY_MS - 1000);
    // The very same viewer: no signature was checked for it.
    expect(await authenticate(bearer)).toBe(first);
    advance(2000);
    const again = await authenticate(bearer);
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
  });

  it('never answers a remembered token past its expiry', async () => {
    const { authenticate, token, advance } = await setUp();
    const bearer = `Bearer ${await token({ sub: 'kari@lederne', role: 'union-staff', org: 'lederne' }, 20)}`;
    await authenticate(bearer);
    advance(26_000);
    await expect(authenticate(bearer)).rejects.toThrow('Not authenticated: the token has expired');
  });

  it('remembers the refusal of claims that verified but cannot be used, and forgets on request', async () => {
    const { authenticate, token } = await setUp();
    const bearer = `Bearer ${await token({ sub: '', role: 'secretariat' })}`;
    const refusal = await authenticate(bearer).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ message: 'Not authenticated: the token\'s "sub" claim must be a non-empty text', extensions: { code: 'UNAUTHENTICATED' } });
    expect(await authenticate(bearer).catch((error: unknown) => error)).toBe(refusal);
    authenticate.forget();
    const fresh = await authenticate(bearer).catch((error: unknown) => error);
    expect(fresh).not.toBe(refusal);
    expect(fresh).toMatchObject({ message: (refusal as Error).message });
  });

  it('checks a token that did not verify every time, and keeps no more tokens than its bound', async () => {
    const { authenticate, token } = await setUp(2);
    await expect(authenticate('Bearer abc.def.ghi')).rejects.toThrow('Not authenticated: the token is not a valid signed JWT');
    const bearers = await Promise.all(['a', 'b', 'c'].map(async (name) => `Bearer ${await token({ sub: `${name}@oao`, role: 'secretariat' })}`));
    const viewers = [];
    for (const bearer of bearers) viewers.push(await authenticate(bearer));
    // Two kept: the first, least recently used, was forgotten and is verified afresh.
    expect(await authenticate(bearers[2]!)).toBe(viewers[2]);
    expect(await authenticate(bearers[0]!)).not.toBe(viewers[0]);
  });

  it('answers anonymous without a header and refuses a header that is not a bearer token', async () => {
    const { authenticate } = await setUp();
    expect(await authenticate(undefined)).toMatchObject({ role: 'anonymous' });
    await expect(authenticate('Basic a2FyaQ==')).rejects.toThrow('expected "Authorization: Bearer <token>"');
  });
});
