import { createHash, randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT, type KeyLike } from 'jose';
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

export async function signGatewayRequest(
  key: KeyLike,
  subgraph: string,
  request: SignedRequest,
  viewer: Viewer,
): Promise<string> {
  const claims: Record<string, unknown> = { role: viewer.role, req: requestDigest(request) };
  if (viewer.organisationId) claims.org = viewer.organisationId;
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: KEY_ALGORITHM, typ: 'JWT' })
    .setIssuer(GATEWAY_ISSUER)
    .setAudience(subgraph)
    .setIssuedAt()
    .setJti(randomUUID())
    .setExpirationTime(`${SIGNATURE_LIFETIME_SECONDS}s`);
  if (viewer.subject) jwt.setSubject(viewer.subject);
  return jwt.sign(key);
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
