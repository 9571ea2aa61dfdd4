import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { judgeChanges } from '../check/acknowledgements';
import { composeFederation } from '../check/composeFederation';
import { runCheck } from '../check/runCheck';
import { diffSupergraphs } from '../check/schemaDiff';
import { allSubgraphs, loadConfig, type FederationConfig } from '../config';

const config = loadConfig();
const sdlOf = (name: string) => readFileSync(join(__dirname, '..', '..', '..', 'services', name, 'subgraph.graphql'), 'utf8');
const committed = readFileSync(join(__dirname, '..', '..', 'supergraph.graphql'), 'utf8');

/** Every subgraph as built, with one subgraph's SDL changed. */
function subgraphsWith(name: string, change: (sdl: string) => string, cfg: FederationConfig = config) {
  return allSubgraphs(cfg).map((s) => {
    const sdl = sdlOf(s.name);
    return { name: s.name, url: s.url, sdl: s.name === name ? change(sdl) : sdl, origin: 'test' };
  });
}

function findings(subgraphs: ReturnType<typeof subgraphsWith>, cfg: FederationConfig = config): string[] {
  const outcome = composeFederation(cfg, subgraphs);
  if (outcome.ok) throw new Error('expected composition to fail');
  return outcome.findings.map((f) => f.message);
}

describe('composition failures say which subgraph must change what', () => {
  test('a missing contract field', () => {
    const messages = findings(subgraphsWith('ledarna', (sdl) => sdl.replace(/(type Ledarna[^{]*\{[\s\S]*?)\n\s*displayName: String!/, '$1')));
    expect(messages).toEqual([
      'Subgraph "ledarna" must change Ledarna.displayName: Ledarna.displayName is missing; the contract has displayName: String!.',
    ]);
  });

  test('a shared value type whose field has another type', () => {
    const messages = findings(subgraphsWith('ledarna', (sdl) => sdl.replace('low: Int\n', 'low: String\n')));
    expect(messages).toEqual(['Subgraph "ledarna" must change Figure.low: Figure.low is String here but Int in the contract.']);
  });

  test('a shared value type that lacks a field', () => {
    const messages = findings(subgraphsWith('ledarna', (sdl) => sdl.replace(/\n\s*"""The source says about\/around."""\n\s*approximate: Boolean!/, '')));
    expect(messages).toEqual([
      'Subgraph "ledarna" must change Figure.approximate: Figure.approximate is missing; the contract has approximate: Boolean!.',
    ]);
  });

  test('a shared enum with a value of its own', () => {
    const messages = findings(subgraphsWith('ledarna', (sdl) => sdl.replace('enum Country {', 'enum Country {\n  FI')));
    expect(messages).toEqual(['Subgraph "ledarna" must change Country: enum Country adds FI, which the contract does not have.']);
  });

  test('a shared value type not marked @shareable', () => {
    const messages = findings(subgraphsWith('ledarna', (sdl) => sdl.replace('type Source @shareable', 'type Source')));
    expect(messages).toEqual([
      'Subgraph "ledarna" must change Source: Source is not @shareable here; every subgraph resolves it, so the contract marks it @shareable.',
    ]);
  });

  test("another subgraph's type name reused", () => {
    const messages = findings(subgraphsWith('ledarna', (sdl) => sdl.replace(/\bLedarna\b/g, 'Lederne')));
    expect(messages).toEqual([
      'Subgraph "ledarna" must rename its organisation type Lederne to Ledarna: Lederne is subgraph "lederne"\'s type, ' +
        'and every subgraph has a type name of its own (its typeName in the federation config).',
    ]);
  });

  test('a config typeName the subgraph does not define', () => {
    const renamed = { ...config, subgraphs: config.subgraphs.map((s) => (s.name === 'ledarna' ? { ...s, typeName: 'Ostersjo' } : s)) };
    const messages = findings(subgraphsWith('ledarna', (sdl) => sdl, renamed), renamed);
    expect(messages).toEqual([
      'Subgraph "ledarna" must change Ostersjo: type Ostersjo is not defined (the subgraph defines Ledarna instead); ' +
        'it must be the subgraph\'s organisation type with @key(fields: "id").',
    ]);
  });
});

describe('check compares with the supergraph clients have', () => {
  const check = (name: string, change: (sdl: string) => string) =>
    runCheck({ config, subgraphs: subgraphsWith(name, change), baseSupergraph: committed, acknowledgements: [] });

  test('the committed supergraph passes unchanged', async () => {
    const result = await check('lederne', (sdl) => sdl);
    expect(result).toMatchObject({ composed: true, passed: true, contract: [], verdict: { breaking: [], safe: [] } });
  });

  test('a shared field made non-null composes, but departs from the contract', async () => {
    const result = await check('ledarna', (sdl) => sdl.replace('low: Int\n', 'low: Int!\n'));
    expect(result.passed).toBe(false);
    expect(result.composed && result.contract.map((f) => f.message)).toEqual([
      'Subgraph "ledarna" must change Figure.low: Figure.low is Int! here but Int in the contract: composition lets this through with only a hint, and the other subgraphs may return null.',
    ]);
  });

  test('a field of its own is a safe addition', async () => {
    const result = await check('ledarna', (sdl) => sdl.replace(/(type Ledarna[^{]*\{)/, '$1\n  foundedYear: Int'));
    expect(result.passed).toBe(true);
    expect(result.composed && result.verdict.safe.map((c) => c.id)).toEqual(['FIELD_ADDED Ledarna.foundedYear']);
  });
});

describe('breaking changes apart from safe additions', () => {
  const base = committed;
  const after = (edit: (sdl: string) => string) => diffSupergraphs(base, edit(base));

  test('a removed field, a retyped field, a field made nullable, a removed enum value', async () => {
    const changes = await after((sdl) =>
      sdl
        .replace('  """True: the register holds generated test data, not real people."""\n  synthetic: Boolean!\n', '')
        .replace('  totalCount: Int!\n', '  totalCount: String!\n')
        .replace('  hasNextPage: Boolean!\n', '  hasNextPage: Boolean\n')
        .replace(/\n  SECRETARIAT @join__enumValue[^\n]*\n/, '\n'),
    );
    expect(changes.filter((c) => c.severity === 'breaking').map((c) => c.id).sort()).toEqual([
      'ENUM_VALUE_REMOVED OrganisationKind.SECRETARIAT',
      'FIELD_MADE_NULLABLE PageInfo.hasNextPage',
      'FIELD_REMOVED RegisterStats.synthetic',
      'FIELD_RETYPED LeaderMemberConnection.totalCount',
    ]);
  });

  test('an acknowledged breaking change passes; one nobody acknowledged fails', async () => {
    const changes = await after((sdl) => sdl.replace('  hasNextPage: Boolean!\n', '  hasNextPage: Boolean\n'));
    const acknowledged = judgeChanges(changes, [{ change: 'FIELD_MADE_NULLABLE PageInfo.hasNextPage', reason: 'agreed in the work group' }]);
    expect(acknowledged.unacknowledged).toEqual([]);
    expect(judgeChanges(changes, []).unacknowledged.map((c) => c.id)).toEqual(['FIELD_MADE_NULLABLE PageInfo.hasNextPage']);
  });
});

describe('personal data needs the mark', () => {
  const personalField = (marked: boolean) => (sdl: string) =>
    sdl.replace(/(type Ledarna[^{]*\{)/, `$1\n  mentors(first: Int = 20): LeaderMemberConnection${marked ? ' @tag(name: "personal")' : ''}`);

  test('a subgraph field returning a connection of LeaderMember without the mark is refused, saying what to add', () => {
    expect(findings(subgraphsWith('ledarna', personalField(false)))).toEqual([
      'Subgraph "ledarna" must mark Ledarna.mentors with @tag(name: "personal"): it returns personal data (LeaderMember, through ' +
        'LeaderMemberConnection.edges → LeaderMemberEdge.node), which unmarked would be served unchecked and unaudited, and cached by the gateway.',
    ]);
  });

  test('so is a LeaderMember, or the access log, and a mark dropped from a contract type changes nothing', () => {
    const unmarked = (sdl: string) =>
      sdl
        .replace(/(type Ledarna[^{]*\{)/, '$1\n  chair: LeaderMember\n  auditTrail: PersonalDataAccessConnection')
        .replace('type LeaderMember @shareable @tag(name: "personal")', 'type LeaderMember @shareable');
    expect(findings(subgraphsWith('ledarna', unmarked)).map((m) => m.split(':')[0])).toEqual([
      'Subgraph "ledarna" must mark Ledarna.chair with @tag(name',
      'Subgraph "ledarna" must mark Ledarna.auditTrail with @tag(name',
    ]);
  });

  test('marked, it composes, and the supergraph carries the mark the gateway reads', () => {
    const outcome = composeFederation(config, subgraphsWith('ledarna', personalField(true)));
    expect(outcome.ok).toBe(true);
    expect(outcome.ok && outcome.supergraph).toMatch(/mentors\(first: Int = 20\): LeaderMemberConnection @join__field\(graph: LEDARNA\) @tag\(name: "personal"\)/);
  });
});
