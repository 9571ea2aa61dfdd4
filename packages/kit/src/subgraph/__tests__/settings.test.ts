import { DEFAULT_REGISTER_SIZE, parseRegisterSizes, readSubgraphSettings } from '../settings';

describe('subgraph settings', () => {
  it('defaults to loopback, the given port and the default register size', () => {
    expect(readSubgraphSettings(4101, {})).toMatchObject({
      host: '127.0.0.1', port: 4101, registerSize: DEFAULT_REGISTER_SIZE, debug: false, suppressionThreshold: 5,
      logLevel: 'info', tracesExporter: 'none', shutdownGraceMs: 25_000, exitWithParent: false,
    });
  });

  it('reads per-union register sizes', () => {
    expect(parseRegisterSizes('lederne=100000, foa=5')).toEqual({ lederne: 100000, foa: 5 });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT: must be a whole number'],
    [{ NLF_REGISTER_SIZE: '-1' }, 'NLF_REGISTER_SIZE: must be a whole number from 0'],
    [{ NLF_REGISTER_SIZES: 'lederne:5' }, 'NLF_REGISTER_SIZES: expected id=size pairs'],
    [{ LOG_LEVEL: 'chatty' }, 'LOG_LEVEL: must be one of'],
  ])('refuses %j with a message naming the variable', (env, message) => {
    expect(() => readSubgraphSettings(4101, env)).toThrow(message);
  });
});
