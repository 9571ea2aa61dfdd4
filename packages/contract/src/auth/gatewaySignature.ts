import { createHash, KeyObject, randomUUID, sign } from 'node:crypto';
import { jwtVerify, type KeyLike } from 'jose';
import { GatewaySignatureError } from '../errors';
import { KEY_ALGORITHM } from './keys';
import { isViewerRole, type Viewer } from './viewer';

/**
 * How the gateway tells a subgraph who is asking (docs/security.md has the full scheme).
 * Header `x-nlf-gateway-signature`: a JWT signed by the gateway with Ed25519 (alg EdDSA), with
 *   iss "nlf-gateway", aud the subgraph's name, iat and exp (60 s later), jti (unique),
 *   req   base64url(SHA-256("<METHOD> <path?query>\n<body>")) of the very request it comes with,
 *   role  "anonymous" | "union-staff" | "secretariat" | "dashboard",
 *   sub   the caller's subject (absent for anonymous), org (union-staff only).
 * A subgraph accepts a GraphQL request only with a valid signature for itself over that request,
 * so neither a forged identity nor a captured header replayed with another query gets through.
 */
export const GATEWAY_SIGNATURE_HEADER = 'x-nlf-gateway-signature';
export const GATEWAY_ISSUER = 'nlf-gateway';
export const SIGNATURE_LIFETIME_SECONDS = 60;

export interface SignedRequest {
  method: string;
  /** Path and query string, e.g. "/graphql". */
  path: string;
  body: string;
}

export function requestDigest(request: SignedRequest): string {
  return createHash('sha256').update(`${request.method.toUpperCase()} ${request.path}\n${request.body}`).digest('base64url');
}

const SIGNATURE_HEADER_SEGMENT = Buffer.from(JSON.stringify({ alg: KEY_ALGORITHM, typ: 'JWT' })).toString('base64url');
const keyObjects = new WeakMap<object, KeyObject>();

function keyObjectOf(key: KeyLike): KeyObject {
  if (key instanceof KeyObject) return key;
  let keyObject = keyObjects.get(key);
  if (!keyObject) keyObjects.set(key, (keyObject = KeyObject.from(key as Parameters<typeof KeyObject.from>[0])));
  return keyObject;
}

/**
 * The compact JWS (RFC 7515) is put together here and signed with node:crypto directly: jose's
 * SignJWT cost about 250 µs a signature against 70 µs for this, and the gateway signs every subgraph
 * call (bench/PROFILE.md). Subgraphs verify it with jose like any other JWT.
 */
export async function signGatewayRequest(
  key: KeyLike,
  subgraph: string,
  request: SignedRequest,
  viewer: Viewer,
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = {
    role: viewer.role,
    req: requestDigest(request),
    ...(viewer.organisationId ? { org: viewer.organisationId } : {}),
    ...(viewer.subject ? { sub: viewer.subject } : {}),
    iss: GATEWAY_ISSUER,
    aud: subgraph,
    iat: now,
    jti: randomUUID(),
    exp: now + SIGNATURE_LIFETIME_SECONDS,
  };
  const signingInput = `${SIGNATURE_HEADER_SEGMENT}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${signingInput}.${sign(null, Buffer.from(signingInput), keyObjectOf(key)).toString('base64url')}`;
}

/** The signature header for a POST of `body` to `url` (a subgraph's GraphQL endpoint), as the gateway sends it. */
export async function gatewaySignatureHeaders(
  key: KeyLike,
  subgraph: string,
  url: string,
  body: string,
  viewer: Viewer,
): Promise<Record<string, string>> {
  const target = new URL(url);
  const path = target.pathname + target.search;
  return { [GATEWAY_SIGNATURE_HEADER]: await signGatewayRequest(key, subgraph, { method: 'POST', path, body }, viewer) };
}

/** The viewer the gateway vouches for, or GatewaySignatureError. */
export async function verifyGatewayRequest(
  key: KeyLike,
  subgraph: string,
  request: SignedRequest,
  header: string | undefined,
): Promise<Viewer> {
  if (!header) throw new GatewaySignatureError('this subgraph answers only the federation gateway: the request is not signed');
  let payload;
  try {
    ({ payload } = await jwtVerify(header, key, {
      algorithms: [KEY_ALGORITHM],
      issuer: GATEWAY_ISSUER,
      audience: subgraph,
      maxTokenAge: `${SIGNATURE_LIFETIME_SECONDS + 5}s`,
      clockTolerance: 5,
    }));
  } catch {
    throw new GatewaySignatureError('the gateway signature is not valid for this subgraph');
  }
  if (payload.req !== requestDigest(request)) {
    throw new GatewaySignatureError('the gateway signature was made for another request');
  }
  const role = payload.role;
  if (role === 'anonymous') return { subject: null, role, organisationId: null };
  if (!isViewerRole(role) || typeof payload.sub !== 'string') {
    throw new GatewaySignatureError('the gateway signature names no valid identity');
  }
  const organisationId = typeof payload.org === 'string' ? payload.org : null;
  if (role === 'union-staff' && !organisationId) throw new GatewaySignatureError('union staff must belong to an organisation');
  return { subject: payload.sub, role, organisationId: role === 'dashboard' ? null : organisationId };
}
