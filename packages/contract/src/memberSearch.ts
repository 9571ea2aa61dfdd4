import { SEARCH_TEXT_MAX, SEARCH_TEXT_MIN } from './limits';
import { TextLengthError } from './errors';


/**
 * The rule for a member search's text: Unicode NFC (so "å" typed as a + ring matches), runs of white
 * space and control characters made one space, trimmed, lower case; 2 to 100 characters (or `limits`), else
 * VALUE_TOO_SHORT or VALUE_TOO_LONG naming `text`.
 */
export function normaliseSearchText(
  text: string,
  limits: { minimum: number; maximum: number } = { minimum: SEARCH_TEXT_MIN, maximum: SEARCH_TEXT_MAX },
): string {
  // NUL, which PostgreSQL cannot store, is a control character: a search never sends it.
  const normalised = text.normalize('NFC').replace(/[\s\p{Cc}]+/gu, ' ').trim();
  const length = [...normalised].length;
  if (length < limits.minimum) throw new TextLengthError('text', length, { minimum: limits.minimum });
  if (length > limits.maximum) throw new TextLengthError('text', length, { maximum: limits.maximum });
  return normalised.toLowerCase();
}

/** Text that LIKE matches literally: its wildcards and the escape character (LIKE's default, \) escaped. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** The LIKE pattern of a prefix search for `text`, to compare with lower-cased names. */
export function searchPattern(text: string): string {
  return `${escapeLike(normaliseSearchText(text))}%`;
}
