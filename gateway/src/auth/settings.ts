import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, issuerSettingsFrom } from '@nlf/contract';

export { DEFAULT_AUDIENCE, DEFAULT_ISSUER };

/** The gateway's security settings, from the environment (README lists them). */
export interface SecuritySettings {
  issuer: string;
  audience: string;
  jwksUrl?: string;
  issuerPublicKey?: string;
  /** PEM (PKCS8) of the gateway's own Ed25519 key, which signs every subgraph call. */
  gatewaySigningKey: string;
}

export function readSecuritySettings(env: NodeJS.ProcessEnv = process.env): SecuritySettings {
  const gatewaySigningKey = env.NLF_GATEWAY_SIGNING_KEY;
  if (!gatewaySigningKey) throw new Error('NLF_GATEWAY_SIGNING_KEY is required: the gateway signs every subgraph call with it');
  // The same issuer rules as a kit subgraph's TLS door (@nlf/contract's issuerSettingsFrom).
  const issuer = issuerSettingsFrom(env);
  if (!issuer) throw new Error("NLF_AUTH_JWKS_URL (production) or NLF_AUTH_PUBLIC_KEY (local) is required to verify callers' tokens");
  return { issuer: issuer.issuer, audience: issuer.audience, jwksUrl: issuer.jwksUrl, issuerPublicKey: issuer.publicKey, gatewaySigningKey };
}
