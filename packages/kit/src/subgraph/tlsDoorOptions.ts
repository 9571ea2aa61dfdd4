import { readFileSync } from 'node:fs';
import { createAuthenticator, type Authenticator } from '@nlf/contract';
import { SettingsError, type TlsDoorSettings } from './settings';
import type { TlsDoorOptions } from './tlsDoor';

function pemFile(variable: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new SettingsError(variable, `cannot read "${path}": ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`);
  }
}

/**
 * The TLS door as its settings describe it: the certificates read from their files, and the caller's
 * token verified with the gateway's rules; a file that cannot be read, or a key that is not one, is a
 * settings error naming its variable. For every server of the federation: the subgraphs and the registry.
 */
export async function tlsDoorFrom(settings: TlsDoorSettings): Promise<TlsDoorOptions & { authenticate: Authenticator }> {
  const { issuer, audience, jwksUrl, publicKey } = settings.issuer;
  let authenticate: Authenticator;
  try {
    // A subgraph does not know the federation's other organisations: a token naming one it does not
    // serve is let in, and the kit's rules give it nothing personal here (only the owner's staff read members).
    authenticate = await createAuthenticator({ issuer, audience, jwksUrl, publicKey, isOrganisation: () => true });
  } catch {
    throw new SettingsError(jwksUrl ? 'NLF_AUTH_JWKS_URL' : 'NLF_AUTH_PUBLIC_KEY', jwksUrl ? 'is not a URL' : 'is not an Ed25519 public key in PEM (SPKI) form');
  }
  return {
    port: settings.port,
    cert: pemFile('NLF_TLS_CERT_FILE', settings.certFile),
    key: pemFile('NLF_TLS_KEY_FILE', settings.keyFile),
    clientCa: pemFile('NLF_TLS_CLIENT_CA_FILE', settings.clientCaFile),
    authenticate,
  };
}
