// @peculiar/x509 resolves its algorithms through tsyringe, which needs the Reflect metadata polyfill.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { KeyObject, randomBytes, webcrypto, X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The certificates of the TLS door (docs/security.md "Calls from any router"), made on first run with
 * @peculiar/x509 (Node cannot make X.509 certificates itself, and the `openssl` command may not be
 * installed): a local CA, the subgraphs' server certificate for 127.0.0.1 and localhost, and the
 * router's client certificate, all signed by that CA, so a router trusts the CA and presents its
 * certificate, and a subgraph trusts the same CA for router certificates. ECDSA P-256, which every
 * router's TLS stack (rustls, Go, Node) takes.
 */
export interface LocalTls {
  /** The CA's certificate: what a router trusts for the subgraphs, and a subgraph for router certificates. */
  caFile: string;
  /** The subgraphs' server certificate and key. */
  certFile: string;
  keyFile: string;
  /** The router's client certificate and key. */
  clientCertFile: string;
  clientKeyFile: string;
}

export interface IssuedCertificate {
  cert: string;
  key: string;
}

export interface CertificateAuthority extends IssuedCertificate {
  /** A certificate signed by this CA: for a server (SAN localhost and 127.0.0.1) or a TLS client. */
  issue(use: 'server' | 'client', commonName: string): Promise<IssuedCertificate>;
}

// Node's WebCrypto, which @peculiar/x509 declares with the DOM's Crypto type.
x509.cryptoProvider.set(webcrypto as never);

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const LIFETIME_MS = 365 * 24 * 3600 * 1000;
/** Certificates that expire sooner than this are made again at start. */
const RENEW_BEFORE_MS = 30 * 24 * 3600 * 1000;

/** The key type @peculiar/x509 declares with the DOM's CryptoKey, which is Node's webcrypto.CryptoKey at run time. */
type X509Key = Parameters<typeof x509.X509CertificateGenerator.createSelfSigned>[0]['keys']['privateKey'];
type KeyPair = { privateKey: X509Key; publicKey: X509Key };

async function newKeyPair(): Promise<KeyPair> {
  const pair = (await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  return pair as unknown as KeyPair;
}

function privatePem(key: X509Key): string {
  return KeyObject.from(key as unknown as webcrypto.CryptoKey).export({ type: 'pkcs8', format: 'pem' }) as string;
}

/** A positive serial number of 16 random bytes (RFC 5280 allows at most 20). */
function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = bytes[0]! & 0x7f;
  return bytes.toString('hex');
}

/** A new CA (CN `commonName`), kept in memory; ensureLocalCertificates writes the local one to files. */
export async function createCertificateAuthority(commonName: string): Promise<CertificateAuthority> {
  const keys = await newKeyPair();
  const notBefore = new Date(Date.now() - 60_000);
  const notAfter = new Date(Date.now() + LIFETIME_MS);
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialNumber(),
    name: `CN=${commonName}`,
    notBefore,
    notAfter,
    signingAlgorithm: ALGORITHM,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return {
    cert: ca.toString('pem'),
    key: privatePem(keys.privateKey),
    async issue(use, name) {
      const leaf = await newKeyPair();
      const cert = await x509.X509CertificateGenerator.create({
        serialNumber: serialNumber(),
        subject: `CN=${name}`,
        issuer: ca.subject,
        notBefore,
        notAfter,
        signingAlgorithm: ALGORITHM,
        publicKey: leaf.publicKey,
        signingKey: keys.privateKey,
        extensions: [
          new x509.BasicConstraintsExtension(false, undefined, true),
          new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
          new x509.ExtendedKeyUsageExtension([use === 'server' ? x509.ExtendedKeyUsage.serverAuth : x509.ExtendedKeyUsage.clientAuth], false),
          ...(use === 'server'
            ? [new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: 'localhost' }, { type: 'ip', value: '127.0.0.1' }])]
            : []),
          await x509.AuthorityKeyIdentifierExtension.create(ca, false),
          await x509.SubjectKeyIdentifierExtension.create(leaf.publicKey),
        ],
      });
      return { cert: cert.toString('pem'), key: privatePem(leaf.privateKey) };
    },
  };
}

function filesIn(dir: string): LocalTls {
  return {
    caFile: join(dir, 'tls-ca-cert.pem'),
    certFile: join(dir, 'tls-subgraph-cert.pem'),
    keyFile: join(dir, 'tls-subgraph-private.pem'),
    clientCertFile: join(dir, 'tls-router-cert.pem'),
    clientKeyFile: join(dir, 'tls-router-private.pem'),
  };
}

/** Whether the files are all there, unexpired for a while yet, and the leaves signed by the CA beside them. */
function usable(files: LocalTls): boolean {
  if (!Object.values(files).every((path) => existsSync(path))) return false;
  try {
    const ca = new X509Certificate(readFileSync(files.caFile));
    return [files.caFile, files.certFile, files.clientCertFile].every((path) => {
      const cert = new X509Certificate(readFileSync(path));
      return Date.parse(cert.validTo) - Date.now() > RENEW_BEFORE_MS && cert.verify(ca.publicKey);
    });
  } catch {
    return false;
  }
}

function writePrivate(path: string, text: string): void {
  writeFileSync(path, text, { mode: 0o600 });
  chmodSync(path, 0o600);
}

/**
 * The local CA and the certificates it signs, in the keys folder (every file 0600, as the other keys):
 * made on first run, and again when one is missing, about to expire or not signed by the CA beside it.
 * The CA's own key is not kept: the certificates are all made at once, and made again together.
 */
export async function ensureLocalCertificates(dir: string): Promise<LocalTls> {
  const files = filesIn(dir);
  if (usable(files)) {
    for (const path of Object.values(files)) chmodSync(path, 0o600); // a file copied in with a looser mode is tightened
    return files;
  }
  const ca = await createCertificateAuthority('NLF local CA');
  const server = await ca.issue('server', 'localhost');
  const router = await ca.issue('client', 'nlf-router');
  writePrivate(files.caFile, ca.cert);
  writePrivate(files.certFile, server.cert);
  writePrivate(files.keyFile, server.key);
  writePrivate(files.clientCertFile, router.cert);
  writePrivate(files.clientKeyFile, router.key);
  return files;
}
