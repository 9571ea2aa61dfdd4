import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeyPairPem, type KeyPairPem } from '@nlf/contract';
import { makePrivateFolder } from './folders';
import { ensureLocalCertificates, type LocalTls } from './localCertificates';

/**
 * The keys of a local federation: the issuer's (signs callers' tokens, as an identity provider would
 * in production), the gateway's (signs every subgraph call on the plain ports) and the certificates of
 * the subgraphs' TLS door for routers. Made once, kept beside the database.
 */
export interface LocalKeys {
  issuer: KeyPairPem;
  gateway: KeyPairPem;
  tls: LocalTls;
}

async function pair(dir: string, name: string): Promise<KeyPairPem> {
  const privatePath = join(dir, `${name}-private.pem`);
  const publicPath = join(dir, `${name}-public.pem`);
  if (existsSync(privatePath) && existsSync(publicPath)) {
    chmodSync(privatePath, 0o600); // a key copied in with a looser mode is tightened, not trusted as is
    return { privateKey: readFileSync(privatePath, 'utf8'), publicKey: readFileSync(publicPath, 'utf8') };
  }
  const keys = await generateKeyPairPem();
  writeFileSync(privatePath, keys.privateKey, { mode: 0o600 });
  chmodSync(privatePath, 0o600);
  writeFileSync(publicPath, keys.publicKey, { mode: 0o644 });
  return keys;
}

/**
 * The keys folder is 0700 and its private keys 0600; the folders above it that this makes (`.data`) are
 * 0755, because the PostgreSQL data directory lives beside the keys and, as root, PostgreSQL runs as the
 * "postgres" user, who must be able to pass through them.
 */
export async function ensureLocalKeys(dir: string): Promise<LocalKeys> {
  makePrivateFolder(dir);
  return { issuer: await pair(dir, 'issuer'), gateway: await pair(dir, 'gateway'), tls: await ensureLocalCertificates(dir) };
}

/** The environment that gives every process of the federation its part of the keys. */
export function keysEnvironment(keys: LocalKeys): NodeJS.ProcessEnv {
  return {
    NLF_AUTH_PUBLIC_KEY: keys.issuer.publicKey,
    NLF_GATEWAY_SIGNING_KEY: keys.gateway.privateKey,
    NLF_GATEWAY_PUBLIC_KEY: keys.gateway.publicKey,
  };
}

/** The environment that opens a kit subgraph's TLS door on `port` (the issuer's key comes with keysEnvironment). */
export function tlsDoorEnvironment(tls: LocalTls, port: number): NodeJS.ProcessEnv {
  return {
    NLF_TLS_PORT: String(port),
    NLF_TLS_CERT_FILE: tls.certFile,
    NLF_TLS_KEY_FILE: tls.keyFile,
    NLF_TLS_CLIENT_CA_FILE: tls.caFile,
  };
}
