/** The gateway's security settings, from the environment (README lists them). */
export interface SecuritySettings {
  issuer: string;
  audience: string;
  jwksUrl?: string;
  issuerPublicKey?: string;
  /** PEM (PKCS8) of the gateway's own Ed25519 key, which signs every subgraph call. */
  gatewaySigningKey: string;
}

export const DEFAULT_ISSUER = 'nlf-local';
export const DEFAULT_AUDIENCE = 'nordic-leaders-federation';

export function readSecuritySettings(env: NodeJS.ProcessEnv = process.env): SecuritySettings {
  const gatewaySigningKey = env.NLF_GATEWAY_SIGNING_KEY;
  if (!gatewaySigningKey) throw new Error('NLF_GATEWAY_SIGNING_KEY is required: the gateway signs every subgraph call with it');
  if (!env.NLF_AUTH_JWKS_URL && !env.NLF_AUTH_PUBLIC_KEY) {
    throw new Error("NLF_AUTH_JWKS_URL (production) or NLF_AUTH_PUBLIC_KEY (local) is required to verify callers' tokens");
  }
  return {
    issuer: env.NLF_AUTH_ISSUER || DEFAULT_ISSUER,
    audience: env.NLF_AUTH_AUDIENCE || DEFAULT_AUDIENCE,
    jwksUrl: env.NLF_AUTH_JWKS_URL || undefined,
    issuerPublicKey: env.NLF_AUTH_PUBLIC_KEY || undefined,
    gatewaySigningKey,
  };
}
