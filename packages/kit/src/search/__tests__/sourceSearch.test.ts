import { SOURCE_SEARCH_MAX_WORDS } from '@nlf/contract';
import { decodePassageCursor, encodePassageCursor, normaliseSourceSearchText } from '../sourceSearch';

const codeOf = (run: () => unknown) => {
  try {
    run();
    return null;
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
};

describe('source search input', () => {
  it('normalises the text and bounds its length and words', () => {
    expect(normaliseSourceSearchText('  Lønnen \n til  ')).toBe('lønnen til');
    expect(codeOf(() => normaliseSourceSearchText(' ø '))).toBe('VALUE_TOO_SHORT');
    expect(codeOf(() => normaliseSourceSearchText('a'.repeat(201)))).toBe('VALUE_TOO_LONG');
    expect(codeOf(() => normaliseSourceSearchText('a'.repeat(200)))).toBeNull();
    expect(codeOf(() => normaliseSourceSearchText(Array(SOURCE_SEARCH_MAX_WORDS).fill('ord').join(' ')))).toBeNull();
    expect(codeOf(() => normaliseSourceSearchText(Array(SOURCE_SEARCH_MAX_WORDS + 1).fill('ord').join(' ')))).toBe('VALUE_TOO_LONG');
  });

  it('reads back its own cursors and refuses any other', () => {
    expect(decodePassageCursor(encodePassageCursor(30))).toBe(30);
    expect(codeOf(() => decodePassageCursor(encodePassageCursor(10_001)))).toBe('INVALID_CURSOR');
    expect(codeOf(() => decodePassageCursor(Buffer.from('lm1:abc').toString('base64url')))).toBe('INVALID_CURSOR');
    expect(codeOf(() => decodePassageCursor('not a cursor!'))).toBe('INVALID_CURSOR');
    expect(codeOf(() => decodePassageCursor(Buffer.from('sp1:-1').toString('base64url')))).toBe('INVALID_CURSOR');
  });
});
