import { AuthenticationError, importPublicKey, isViewerRole, ANONYMOUS, type Viewer } from '@nlf/schema';
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey, type KeyLike } from 'jose';

export interface AuthenticationOptions {
  /** Required `iss` of every token. */
  issuer: string;
  /** Required `aud` of every token. */
  audience: string;
  /** Where the issuer publishes its keys (production). One of jwksUrl and publicKey is required. */
  jwksUrl?: string;
  /** The issuer's public key, Ed25519 PEM (the local issuer of `npm start`). */
  publicKey?: string;
  /** Whether a token's `org` names an organisation of the federation. */
  isOrganisation: (id: string) => boolean;
}

export type Authenticator = (authorization: string | undefined) => Promise<Viewer>;

/** Algorithms accepted from an issuer: asymmetric only, so `none` and HMAC confusion never verify. */
const ALGORITHMS = ['EdDSA', 'ES256', 'RS256', 'PS256'];

function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `the token's "${error.claim}" claim is not accepted`;
  if (error instanceof errors.JOSEAlgNotAllowed) return 'the token is signed with an algorithm that is not accepted';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the token signature is not valid';
  if (error instanceof errors.JWKSNoMatchingKey) return 'the token is signed with an unknown key';
  return 'the token is not a valid signed JWT';
}

/**
 * Verifies `Authorization: Bearer <jwt>` and turns its claims into a viewer: `sub`, `role`
 * (union-staff | secretariat | dashboard) and, for union staff, `org`. No header: anonymous. Any
 * header that does not verify is refused, never downgraded to anonymous.
 */
export async function createAuthenticator(options: AuthenticationOptions): Promise<Authenticator> {
  let key: KeyLike | JWTVerifyGetKey;
  if (options.jwksUrl) key = createRemoteJWKSet(new URL(options.jwksUrl));
  else if (options.publicKey) key = await importPublicKey(options.publicKey);
  else throw new Error('authentication needs the issuer keys: a JWKS URL or a public key');

  return async (authorization) => {
    if (authorization === undefined || authorization === '') return ANONYMOUS;
    const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(authorization);
    if (!match) throw new AuthenticationError('expected "Authorization: Bearer <token>"');
    let payload;
    try {
      ({ payload } = await jwtVerify(match[1]!, key as KeyLike, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: ALGORITHMS,
        requiredClaims: ['sub', 'exp'],
        clockTolerance: 5,
      }));
    } catch (error) {
      throw new AuthenticationError(reasonOf(error));
    }
    // A verified token whose subject is unusable would pass here and be refused by every subgraph.
    if (typeof payload.sub !== 'string' || payload.sub.trim() === '') throw new AuthenticationError('the token\'s "sub" claim must be a non-empty text');
    if (!isViewerRole(payload.role)) throw new AuthenticationError('the token names no known role');
    if (payload.role === 'dashboard') return { subject: payload.sub, role: payload.role, organisationId: null };
    if (payload.role === 'secretariat') {
      // A secretariat token may name the secretariat organisation it acts for (e.g. OAO).
      if (payload.org !== undefined && (typeof payload.org !== 'string' || !options.isOrganisation(payload.org))) {
        throw new AuthenticationError('"org" must be an organisation of the federation');
      }
      return { subject: payload.sub, role: 'secretariat', organisationId: (payload.org as string | undefined) ?? null };
    }
    if (typeof payload.org !== 'string' || !options.isOrganisation(payload.org)) {
      throw new AuthenticationError('a union-staff token must name an organisation of the federation in "org"');
    }
    return { subject: payload.sub, role: 'union-staff', organisationId: payload.org };
  };
}
