import { importPrivateKey, isViewerRole, type ViewerRole } from '@nlf/contract';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER } from '@nlf/gateway';
import { SignJWT } from 'jose';

export interface TokenRequest {
  role: ViewerRole;
  /** Required for union-staff: the organisation they work for; optional for the secretariat (e.g. oao). */
  organisationId?: string;
  /** Default: "<role>@<organisation>" or "<role>". */
  subject?: string;
  /** Lifetime, e.g. "1h". Default: 8h. */
  expiresIn?: string;
}

/** A token from the local issuer, as an identity provider would issue in production. */
export async function issueToken(issuerPrivateKey: string, request: TokenRequest): Promise<string> {
  if (!isViewerRole(request.role)) throw new Error(`role must be union-staff, secretariat or dashboard, got "${request.role}"`);
  if (request.role === 'union-staff' && !request.organisationId) throw new Error('a union-staff token needs an organisation');
  const claims: Record<string, string> = { role: request.role };
  if (request.role !== 'dashboard' && request.organisationId) claims.org = request.organisationId;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
    .setIssuer(DEFAULT_ISSUER)
    .setAudience(DEFAULT_AUDIENCE)
    .setSubject(request.subject ?? (request.organisationId ? `${request.role}@${request.organisationId}` : request.role))
    .setIssuedAt()
    .setExpirationTime(request.expiresIn ?? '8h')
    .sign(await importPrivateKey(issuerPrivateKey));
}
