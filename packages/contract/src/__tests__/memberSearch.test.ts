import { TextLengthError } from '../errors';
import { SEARCH_TEXT_MAX } from '../limits';
import { escapeLike, normaliseSearchText, searchPattern } from '../memberSearch';

const refusal = (text: string) => {
  try {
    normaliseSearchText(text);
  } catch (error) {
    expect(error).toBeInstanceOf(TextLengthError);
    return { message: (error as TextLengthError).message, ...(error as TextLengthError).extensions };
  }
  throw new Error(`"${text}" was accepted`);
};

describe('the text of a member search, and its LIKE pattern', () => {
  // [what the rule is, text as typed, normalised text, LIKE pattern]
  it.each([
    ['trimmed and lower-cased, a prefix: one trailing %', '  Hansen ', 'hansen', 'hansen%'],
    ['white space made one space, so "given family" matches as typed', 'Ole \t  NIELSEN', 'ole nielsen', 'ole nielsen%'],
    ['lower-cased beyond ASCII', 'ØSTERGAARD Åsa', 'østergaard åsa', 'østergaard åsa%'],
    ['NFC: a letter typed as base and combining mark is the stored one', 'A\u030Asa', '\u00E5sa', '\u00E5sa%'],
    ['rid of control characters (NUL among them), as of white space', 'ha\u0000nsen\u0007', 'ha nsen', 'ha nsen%'],
    ['counted in characters: two letters outside the BMP are enough', '𝔄𝔅', '𝔄𝔅', '𝔄𝔅%'],
    ['literal about %', '%%', '%%', '\\%\\%%'],
    ['literal about _', '_a', '_a', '\\_a%'],
    ['literal about the escape character', 'a\\', 'a\\', 'a\\\\%'],
  ])('is %s', (_rule, text, normalised, pattern) => {
    expect(normaliseSearchText(text)).toBe(normalised);
    expect(searchPattern(text)).toBe(pattern);
  });

  it('escapes every LIKE wildcard and the escape character', () => {
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
  });

  it.each([[''], ['   '], ['a'], [' a '], ['\u0000a'], ['\n\tø  '], ['%']])(
    'is refused with VALUE_TOO_SHORT naming text when it is %j: under 2 characters once trimmed, before escaping',
    (text) => {
      expect(refusal(text)).toMatchObject({ code: 'VALUE_TOO_SHORT', argument: 'text', field: 'text', minimum: 2 });
      expect(() => searchPattern(text)).toThrow(TextLengthError);
    },
  );

  it('counts characters, not UTF-16 units: one letter outside the BMP is too short', () => {
    expect(refusal('𝔄')).toMatchObject({ code: 'VALUE_TOO_SHORT', message: 'text is 1 characters long; at least 2 are needed' });
  });

  it('is refused with VALUE_TOO_LONG naming text above 100 characters once trimmed', () => {
    expect(normaliseSearchText(` ${'ø'.repeat(SEARCH_TEXT_MAX)} `)).toHaveLength(SEARCH_TEXT_MAX);
    expect(refusal('x'.repeat(SEARCH_TEXT_MAX + 1))).toEqual({
      message: 'text is 101 characters long; at most 100 are allowed',
      code: 'VALUE_TOO_LONG',
      argument: 'text',
      field: 'text',
      maximum: 100,
    });
  });
});
