import { ErrorCode } from '@nlf/contract';
import { SEARCH_CONFIGS } from '@nlf/kit';
import { InputError } from './errors';

/** Longest texts accepted, in characters. */
export const LIMITS = { name: 200, title: 500, text: 2000, minutes: 20_000 } as const;

/** Trimmed text; blank is an error. */
export function requiredText(value: string, field: string, maximum: number): string {
  const text = value.trim();
  if (!text) throw new InputError(ErrorCode.VALUE_REQUIRED, `${field} must not be empty`, field);
  return limited(text, field, maximum);
}

/** Trimmed text, or null when absent or blank. */
export function optionalText(value: string | null | undefined, field: string, maximum: number): string | null {
  const text = value?.trim();
  return text ? limited(text, field, maximum) : null;
}

function limited(text: string, field: string, maximum: number): string {
  if (text.length > maximum) {
    throw new InputError(ErrorCode.VALUE_TOO_LONG, `${field} is ${text.length} characters long; at most ${maximum} are allowed`, field, {
      maximum,
    });
  }
  return text;
}

/** A language the source search has a configuration for, or null (not known) when absent or blank. */
export function optionalLanguage(value: string | null | undefined, field: string): string | null {
  const language = value?.trim();
  if (!language) return null;
  if (!Object.hasOwn(SEARCH_CONFIGS, language)) {
    const allowed = Object.keys(SEARCH_CONFIGS);
    throw new InputError(ErrorCode.UNKNOWN_LANGUAGE, `${field} must be one of ${allowed.join(', ')}; got "${language.slice(0, 20)}"`, field, {
      allowed,
    });
  }
  return language;
}

/** A real calendar date written YYYY-MM-DD (2025-02-30 is refused). */
export function calendarDate(value: string, field: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== value) {
    throw new InputError(ErrorCode.INVALID_DATE, `${field} must be a calendar date written YYYY-MM-DD; got "${value}"`, field);
  }
  return value;
}

/** Organisation ids the federation serves, each once. */
export function organisationIds(ids: readonly string[], known: ReadonlySet<string>, field: string): string[] {
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    const at = `${field}[${index}]`;
    requireOrganisation(id, known, at);
    if (seen.has(id)) throw new InputError(ErrorCode.DUPLICATE_PARTICIPANT, `${at}: "${id}" is given twice`, at);
    seen.add(id);
  });
  return [...seen];
}

export function requireOrganisation(id: string, known: ReadonlySet<string>, field: string): string {
  if (!known.has(id)) {
    throw new InputError(ErrorCode.UNKNOWN_ORGANISATION, `${field}: no organisation "${id}" in the federation`, field);
  }
  return id;
}
