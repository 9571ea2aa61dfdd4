import { createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCertificateAuthority, ensureLocalCertificates } from '../localCertificates';

const dirs: string[] = [];
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'nlf-tls-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const cert = (path: string) => new X509Certificate(readFileSync(path));

describe('the local certificates of the TLS door', () => {
  it('are a CA, a server certificate for 127.0.0.1 and localhost and a router client certificate it signed, every file 0600', async () => {
    const tls = await ensureLocalCertificates(folder());
    const ca = cert(tls.caFile);
    expect(ca.ca).toBe(true);
    const server = cert(tls.certFile);
    expect(server.ca).toBe(false);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(server.checkHost('localhost')).toBe('localhost');
    expect(server.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    const router = cert(tls.clientCertFile);
    expect(router.verify(ca.publicKey)).toBe(true);
    expect(router.keyUsage).toEqual(['1.3.6.1.5.5.7.3.2']);
    expect(server.checkPrivateKey(createPrivateKey(readFileSync(tls.keyFile)))).toBe(true);
    for (const path of Object.values(tls)) expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('are kept across starts, and made again, all together, when one is missing', async () => {
    const dir = folder();
    const first = await ensureLocalCertificates(dir);
    const caPem = readFileSync(first.caFile, 'utf8');
    await ensureLocalCertificates(dir);
    expect(readFileSync(first.caFile, 'utf8')).toBe(caPem);
    unlinkSync(first.clientKeyFile);
    const again = await ensureLocalCertificates(dir);
    expect(readFileSync(again.caFile, 'utf8')).not.toBe(caPem);
    expect(cert(again.certFile).verify(cert(again.caFile).publicKey)).toBe(true);
  });

  it('does not take a certificate of another CA as its own', async () => {
    const dir = folder();
    const tls = await ensureLocalCertificates(dir);
    const other = await createCertificateAuthority('Someone else');
    const stranger = await other.issue('client', 'nlf-router');
    expect(new X509Certificate(stranger.cert).verify(cert(tls.caFile).publicKey)).toBe(false);
  });
});
