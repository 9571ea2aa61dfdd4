import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '@nlf/gateway';
import { formatReport, runConformance } from '@nlf/conformance';
import { ensureLocalKeys } from '@nlf/stack';
import { startScaffoldedUnion, type TestUnion } from '../harness/newUnion';
import { harnessState } from '../harness/state';

/** npm run new-union's scaffold is a working subgraph that passes the conformance suite as generated. */
let union: TestUnion;

beforeAll(async () => {
  union = await startScaffoldedUnion({ id: 'ostersjo', name: 'Östersjö Ledarförbund', country: 'se' });
}, 120_000);
afterAll(() => union?.stop());

test('the scaffold adds one config entry, with a type named after the union', () => {
  const config = loadConfig(union.configPath);
  expect(config.subgraphs.at(-1)).toEqual({
    name: 'ostersjo',
    typeName: 'OstersjoLedarforbund',
    url: 'http://127.0.0.1:4107/graphql',
    organisations: [{ id: 'ostersjo', country: 'SE', kind: 'UNION' }],
  });
  expect(config.subgraphs.slice(0, -1)).toEqual(loadConfig().subgraphs);
});

test('the scaffolded subgraph starts and passes the conformance suite', async () => {
  const keys = await ensureLocalKeys(harnessState().keysDir);
  const report = await runConformance({
    url: union.url,
    typeName: 'OstersjoLedarforbund',
    ids: ['ostersjo'],
    gatewayKey: keys.gateway.privateKey,
    subgraphName: 'ostersjo',
  });
  expect(formatReport(report)).toContain('the subgraph conforms to the contract');
  expect(report.passed).toBe(true);
});

test('its SDL, written by its build, is what it serves', () => {
  const sdl = readFileSync(join(union.scaffold.serviceDir, 'subgraph.graphql'), 'utf8');
  expect(sdl).toContain('type OstersjoLedarforbund @key(fields: "id")');
});
