import { DEFAULT_SNAPSHOT_MAX_BYTES } from '../publicSnapshot';
import { DEFAULT_REGISTER_SIZE, parseRegisterSizes, readSubgraphSettings } from '../settings';

describe('subgraph settings', () => {
  it('defaults to loopback, the given port and the default register size', () => {
    expect(readSubgraphSettings(4101, {})).toMatchObject({
      host: '127.0.0.1', port: 4101, registerSize: DEFAULT_REGISTER_SIZE, debug: false, suppressionThreshold: 5,
      logLevel: 'info', tracesExporter: 'none', shutdownGraceMs: 25_000, exitWithParent: false, tls: undefined,
      publicSnapshot: true, snapshotFreshness: 'announced', snapshotMaxBytes: DEFAULT_SNAPSHOT_MAX_BYTES,
    });
  });

  it('reads the public snapshot\'s switch, its bound, and the federation\'s freshness rule', () => {
    expect(readSubgraphSettings(4101, { NLF_PUBLIC_SNAPSHOT: 'off', NLF_CACHE_FRESHNESS: 'checked', NLF_PUBLIC_SNAPSHOT_MAX_BYTES: '1024' })).toMatchObject({
      publicSnapshot: false, snapshotFreshness: 'checked', snapshotMaxBytes: 1024,
    });
  });

  const TLS = { NLF_TLS_PORT: '4201', NLF_TLS_CERT_FILE: 'cert.pem', NLF_TLS_KEY_FILE: 'key.pem', NLF_TLS_CLIENT_CA_FILE: 'ca.pem' };

  it('opens the TLS door with all four variables and the issuer key, with the gateway\'s issuer defaults', () => {
    expect(readSubgraphSettings(4101, { ...TLS, NLF_AUTH_PUBLIC_KEY: 'PEM' }).tls).toEqual({
      port: 4201, certFile: 'cert.pem', keyFile: 'key.pem', clientCaFile: 'ca.pem',
      issuer: { issuer: 'nlf-local', audience: 'nordic-leaders-federation', publicKey: 'PEM', jwksUrl: undefined },
    });
  });

  it('refuses a half-configured TLS door, naming every variable it lacks', () => {
    expect(() => readSubgraphSettings(4101, { NLF_TLS_PORT: '4201', NLF_TLS_KEY_FILE: 'key.pem', NLF_AUTH_PUBLIC_KEY: 'PEM' })).toThrow(
      'NLF_TLS_CERT_FILE, NLF_TLS_CLIENT_CA_FILE: must be set too, as NLF_TLS_PORT, NLF_TLS_KEY_FILE is',
    );
    expect(() => readSubgraphSettings(4101, TLS)).toThrow('NLF_AUTH_PUBLIC_KEY or NLF_AUTH_JWKS_URL: is required with NLF_TLS_PORT');
    expect(() => readSubgraphSettings(4101, { ...TLS, NLF_TLS_PORT: 'x', NLF_AUTH_PUBLIC_KEY: 'PEM' })).toThrow('NLF_TLS_PORT: must be a whole number');
  });

  it('reads per-union register sizes', () => {
    expect(parseRegisterSizes('lederne=100000, foa=5')).toEqual({ lederne: 100000, foa: 5 });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT: must be a whole number'],
    [{ NLF_REGISTER_SIZE: '-1' }, 'NLF_REGISTER_SIZE: must be a whole number from 0'],
    [{ NLF_REGISTER_SIZES: 'lederne:5' }, 'NLF_REGISTER_SIZES: expected id=size pairs'],
    [{ LOG_LEVEL: 'chatty' }, 'LOG_LEVEL: must be one of'],
    [{ NLF_PUBLIC_SNAPSHOT: 'yes' }, 'NLF_PUBLIC_SNAPSHOT: must be one of on, off'],
    [{ NLF_CACHE_FRESHNESS: 'sometimes' }, 'NLF_CACHE_FRESHNESS: must be one of announced, checked'],
    [{ NLF_PUBLIC_SNAPSHOT_MAX_BYTES: '2000000000' }, 'NLF_PUBLIC_SNAPSHOT_MAX_BYTES: must be a whole number from 0'],
  ])('refuses %j with a message naming the variable', (env, message) => {
    expect(() => readSubgraphSettings(4101, env)).toThrow(message);
  });
});
