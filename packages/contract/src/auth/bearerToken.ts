import { createHash } from 'node:crypto';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey, type KeyLike } from 'jose';
import { LRUCache } from 'lru-cache';
import { AuthenticationError } from '../errors';
import { importPublicKey } from './keys';
import { ANONYMOUS, isViewerRole, type Viewer } from './viewer';

/**
 * The caller's bearer token, verified the same way wherever it arrives: by the gateway, and by a kit
 * subgraph on its TLS door, where a router forwards the caller's `Authorization` as it is
 * (docs/security.md "Calls from any router"). One implementation, so the two cannot drift apart.
 */

export const DEFAULT_ISSUER = 'nlf-local';
export const DEFAULT_AUDIENCE = 'nordic-leaders-federation';

/** Whose tokens are accepted: the settings the gateway and the subgraphs' TLS door share. */
export interface IssuerSettings {
  issuer: string;
  audience: string;
  jwksUrl?: string;
  publicKey?: string;
}

/**
 * NLF_AUTH_ISSUER, NLF_AUTH_AUDIENCE, NLF_AUTH_JWKS_URL and NLF_AUTH_PUBLIC_KEY from the environment a
 * process's settings module hands in; undefined when neither key source is given (the caller says
 * whether that is an error).
 */
export function issuerSettingsFrom(env: NodeJS.ProcessEnv): IssuerSettings | undefined {
  if (!env.NLF_AUTH_JWKS_URL && !env.NLF_AUTH_PUBLIC_KEY) return undefined;
  return {
    issuer: env.NLF_AUTH_ISSUER || DEFAULT_ISSUER,
    audience: env.NLF_AUTH_AUDIENCE || DEFAULT_AUDIENCE,
    jwksUrl: env.NLF_AUTH_JWKS_URL || undefined,
    publicKey: env.NLF_AUTH_PUBLIC_KEY || undefined,
  };
}

export interface AuthenticationOptions extends IssuerSettings {
  // issuer, audience: required `iss` and `aud` of every token; jwksUrl (production) or publicKey (the
  // local issuer of `npm start`, Ed25519 PEM): one is required.
  /** Whether a token's `org` names an organisation of the federation. */
  isOrganisation: (id: string) => boolean;
  /** Verified tokens remembered at most, least recently used forgotten first. Default: 10 000. */
  rememberedTokens?: number;
  /** The clock. Default: Date.now. */
  now?: () => number;
}

export interface Authenticator {
  (authorization: string | undefined): Promise<Viewer>;
  /** Forgets every remembered token (the organisations of the federation changed). */
  forget(): void;
}

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

/** A verified token's claims as a viewer, or the refusal of claims that verify but cannot be used. */
function viewerOf(payload: JWTPayload, isOrganisation: (id: string) => boolean): Viewer {
  // A verified token whose subject is unusable would pass here and be refused by every subgraph.
  if (typeof payload.sub !== 'string' || payload.sub.trim() === '') throw new AuthenticationError('the token\'s "sub" claim must be a non-empty text');
  if (!isViewerRole(payload.role)) throw new AuthenticationError('the token names no known role');
  if (payload.role === 'dashboard') return { subject: payload.sub, role: payload.role, organisationId: null };
  if (payload.role === 'secretariat') {
    // A secretariat token may name the secretariat organisation it acts for (e.g. OAO).
    if (payload.org !== undefined && (typeof payload.org !== 'string' || !isOrganisation(payload.org))) {
      throw new AuthenticationError('"org" must be an organisation of the federation');
    }
    return { subject: payload.sub, role: 'secretariat', organisationId: (payload.org as string | undefined) ?? null };
  }
  if (typeof payload.org !== 'string' || !isOrganisation(payload.org)) {
    throw new AuthenticationError('a union-staff token must name an organisation of the federation in "org"');
  }
  return { subject: payload.sub, role: 'union-staff', organisationId: payload.org };
}

/** Longest a verified token's outcome is remembered, however long the token is valid: a key the issuer withdraws stops counting within this. */
export const TOKEN_MEMORY_MS = 60_000;
export const DEFAULT_REMEMBERED_TOKENS = 10_000;
const CLOCK_TOLERANCE_S = 5;

interface Outcome {
  viewer?: Viewer;
  refusal?: AuthenticationError;
  until: number;
}

/**
 * Verifies `Authorization: Bearer <jwt>` and turns its claims into a viewer: `sub`, `role`
 * (union-staff | secretariat | dashboard) and, for union staff, `org`. No header: anonymous. Any
 * header that does not verify is refused, never downgraded to anonymous. A token whose signature
 * verified is remembered by its digest with what it came to (a viewer, or the refusal of its claims)
 * until it expires, at most TOKEN_MEMORY_MS, so a caller's next request costs no signature check;
 * a token that did not verify is checked again each time.
 */
export async function createAuthenticator(options: AuthenticationOptions): Promise<Authenticator> {
  let key: KeyLike | JWTVerifyGetKey;
  if (options.jwksUrl) key = createRemoteJWKSet(new URL(options.jwksUrl));
  else if (options.publicKey) key = await importPublicKey(options.publicKey);
  else throw new Error('authentication needs the issuer keys: a JWKS URL or a public key');
  const remembered = new LRUCache<string, Outcome>({ max: options.rememberedTokens ?? DEFAULT_REMEMBERED_TOKENS });
  const now = options.now ?? Date.now;

  const authenticate = async (authorization: string | undefined): Promise<Viewer> => {
    if (authorization === undefined || authorization === '') return ANONYMOUS;
    const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(authorization);
    if (!match) throw new AuthenticationError('expected "Authorization: Bearer <token>"');
    const digest = createHash('sha256').update(match[1]!).digest('base64url');
    const known = remembered.get(digest);
    if (known && known.until > now()) {
      if (known.viewer) return known.viewer;
      throw known.refusal!;
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(match[1]!, key as KeyLike, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: ALGORITHMS,
        requiredClaims: ['sub', 'exp'],
        clockTolerance: CLOCK_TOLERANCE_S,
        currentDate: new Date(now()),
      }));
    } catch (error) {
      throw new AuthenticationError(reasonOf(error));
    }
    const until = Math.min((payload.exp! + CLOCK_TOLERANCE_S) * 1000, now() + TOKEN_MEMORY_MS);
    try {
      const viewer = viewerOf(payload, options.isOrganisation);
      remembered.set(digest, { viewer, until });
      return viewer;
    } catch (error) {
      if (error instanceof AuthenticationError) remembered.set(digest, { refusal: error, until });
      throw error;
    }
  };
  // What a token comes to depends on the organisations of the config in force.
  return Object.assign(authenticate, { forget: () => remembered.clear() });
}
