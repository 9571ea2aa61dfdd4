import { DEFAULT_DATA_DIR, DEFAULT_KEYS_DIR } from '../layout';
import { keysDirFrom, readStackSettings } from '../settings';

describe('readStackSettings', () => {
  it('gives the documented defaults when nothing is set, as npm start ships', () => {
    expect(readStackSettings(['lederne', 'lo'], {})).toEqual({
      gatewayPort: 4000,
      dataDir: DEFAULT_DATA_DIR,
      relocateWhenBlocked: true,
      keysDir: DEFAULT_KEYS_DIR,
      postgresPort: 54329,
      subgraphPorts: 'config',
      externalDatabaseUrls: {},
    });
  });

  it('reads what is set; a data directory of its own is never relocated', () => {
    const settings = readStackSettings(['lederne', 'lo'], {
      PORT: '4400', NLF_DATA_DIR: '/srv/pg', NLF_KEYS_DIR: '/srv/keys', NLF_POSTGRES_PORT: '6543', NLF_SUBGRAPH_PORTS: 'free',
      NLF_DATABASE_URL_LEDERNE: 'postgres://db/lederne', NLF_DATABASE_URL_FOA: 'postgres://db/foa',
    });
    expect(settings).toEqual({
      gatewayPort: 4400, dataDir: '/srv/pg', relocateWhenBlocked: false, keysDir: '/srv/keys', postgresPort: 6543,
      subgraphPorts: 'free', externalDatabaseUrls: { lederne: 'postgres://db/lederne' },
    });
    expect(keysDirFrom({ NLF_KEYS_DIR: '/srv/keys' })).toBe('/srv/keys');
  });

  it.each([
    [{ PORT: 'http' }, 'PORT must be a port number, got "http"'],
    [{ NLF_POSTGRES_PORT: '70000' }, 'NLF_POSTGRES_PORT must be a port number, got "70000"'],
    [{ NLF_SUBGRAPH_PORTS: 'random' }, 'NLF_SUBGRAPH_PORTS must be "config" or "free", got "random"'],
  ])('refuses %j, naming the variable', (env, message) => {
    expect(() => readStackSettings([], env)).toThrow(message);
  });
});
