import { loadConfig } from '@nlf/gateway';
import { typeNameFor, validateNewUnion } from '../newUnion/arguments';

const config = loadConfig();
const reason = (args: Parameters<typeof validateNewUnion>[0]) => {
  try {
    validateNewUnion(args, config);
    return 'accepted';
  } catch (error) {
    return (error as Error).message;
  }
};

test('a new union gets a PascalCase type from its name, diacritics dropped', () => {
  expect(typeNameFor('Östersjö Ledarförbund')).toBe('OstersjoLedarforbund');
  expect(typeNameFor('Fællesforbundet for ledere')).toBe('FaellesforbundetForLedere');
  expect(validateNewUnion({ id: 'ostersjo', name: 'Östersjö Ledarförbund', country: 'se' }, config)).toEqual({
    id: 'ostersjo', name: 'Östersjö Ledarförbund', country: 'SE', typeName: 'OstersjoLedarforbund',
  });
});

test('bad arguments are refused with what to do instead', () => {
  expect(reason({ id: 'ostersjo', name: 'Östersjö' })).toBe('expected three arguments: <id> "<Name>" <country>, e.g. ostersjo "Östersjöförbundet" SE');
  expect(reason({ id: 'Ostersjo', name: 'Östersjö', country: 'SE' })).toMatch(/^id "Ostersjo" must be 2-40 lowercase letters/);
  expect(reason({ id: 'ostersjo', name: 'Östersjö', country: 'FI' })).toBe('country "FI" must be one of NO, SE, DK');
  expect(reason({ id: 'lederne', name: 'Lederne', country: 'NO' })).toBe('a subgraph called "lederne" is already in the federation config');
  expect(reason({ id: 'lo-norge', name: 'x', country: 'NO', typeName: 'LoDenmark' })).toBe('type name "LoDenmark" is already subgraph "lo"\'s; pass --type <TypeName>');
  expect(reason({ id: 'foa', name: 'FOA', country: 'DK' })).toBe('organisation "foa" is already served by subgraph "lo"');
  expect(reason({ id: 'figure', name: 'Figure', country: 'DK' })).toBe('type name "Figure" is a type of the contract; pass --type <TypeName>');
});
