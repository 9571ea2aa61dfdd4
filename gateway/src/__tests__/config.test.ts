import { allSubgraphs, loadConfig, urlVariable, validateConfig, type FederationConfig } from '../config';

const valid = (): FederationConfig => ({
  registry: { url: 'http://127.0.0.1:4100/graphql' },
  subgraphs: [
    { name: 'lederne', typeName: 'Lederne', url: 'http://127.0.0.1:4101/graphql', organisations: [{ id: 'lederne', country: 'NO', kind: 'UNION' }] },
    { name: 'lo', typeName: 'LoDenmark', url: 'http://127.0.0.1:4105/graphql', organisations: [{ id: '3f', country: 'DK', kind: 'UNION' }] },
  ],
});

describe('federation config', () => {
  it('accepts the committed config with every union subgraph', () => {
    const config = loadConfig();
    expect(config.subgraphs.map((s) => s.typeName)).toEqual(['Lederne', 'Utdanningsforbundet', 'Fagforbundet', 'Ledarna', 'LoDenmark']);
    expect(config.subgraphs.flatMap((s) => s.organisations)).toHaveLength(16);
  });

  it.each([
    ['a reused type name', (c: FederationConfig) => { c.subgraphs[1]!.typeName = 'Lederne'; }, 'typeName "Lederne" is already used'],
    ['a reused subgraph name', (c: FederationConfig) => { c.subgraphs[1]!.name = 'lederne'; }, 'the name "lederne" is used twice'],
    ['the reserved registry name', (c: FederationConfig) => { c.subgraphs[0]!.name = 'registry'; }, 'is used twice (or is reserved)'],
    ['an organisation listed twice', (c: FederationConfig) => { c.subgraphs[1]!.organisations[0]!.id = 'lederne'; }, 'organisation "lederne" is listed twice'],
    ['an unknown country', (c: FederationConfig) => { (c.subgraphs[0]!.organisations[0] as { country: string }).country = 'FI'; }, 'expected NO, SE or DK'],
    ['a contract type name', (c: FederationConfig) => { c.subgraphs[0]!.typeName = 'Organisation'; }, 'is a type of the contract'],
    ['a bad URL', (c: FederationConfig) => { c.subgraphs[0]!.url = 'not a url'; }, '"not a url" is not a URL'],
  ])('refuses %s and says which entry', (_name, change, message) => {
    const config = valid();
    change(config);
    expect(() => validateConfig(config)).toThrow(message);
  });

  it('lists the cooperation subgraph apart: it serves no organisation type', () => {
    const config = loadConfig();
    expect(config.extensionSubgraphs).toEqual([{ name: 'cooperation', url: 'http://127.0.0.1:4106/graphql' }]);
    expect(allSubgraphs(config).map((s) => s.name)).toEqual(['lederne', 'utdanningsforbundet', 'fagforbundet', 'ledarna', 'lo', 'cooperation']);
  });

  it.each([
    ['a name an organisation subgraph has', { name: 'lederne', url: 'http://127.0.0.1:4106/graphql' }, 'the name "lederne" is used twice'],
    ['an organisation type', { name: 'cooperation', url: 'http://127.0.0.1:4106/graphql', typeName: 'Cooperation' }, 'serves no organisation type'],
    ['a bad URL', { name: 'cooperation', url: 'nowhere' }, '"nowhere" is not a URL'],
  ])('refuses an extension subgraph with %s', (_name, entry, message) => {
    const config = { ...valid(), extensionSubgraphs: [entry as never] };
    expect(() => validateConfig(config)).toThrow(message);
  });

  it('names the URL override variable after the subgraph', () => {
    expect(urlVariable('hk-stat')).toBe('NLF_SUBGRAPH_URL_HK_STAT');
  });
});
