/**
 * The PostgreSQL text-search configuration for each language a passage is in: the sources' own
 * (organisations.json's meta gives each document's language) and English for the curator's renderings.
 * A document whose language is not known is searched with `simple` (no stemming): never guessed.
 */
export const SEARCH_CONFIGS: Readonly<Record<string, string>> = {
  nb: 'norwegian',
  nn: 'norwegian',
  no: 'norwegian',
  sv: 'swedish',
  da: 'danish',
  en: 'english',
};

export const UNKNOWN_LANGUAGE_CONFIG = 'simple';

/** Every configuration a passage can be stored with: a search parses its text once in each. */
export const ALL_SEARCH_CONFIGS = [...new Set([...Object.values(SEARCH_CONFIGS), UNKNOWN_LANGUAGE_CONFIG])];

export const searchConfigOf = (language: string | null): string =>
  (language && SEARCH_CONFIGS[language]) || UNKNOWN_LANGUAGE_CONFIG;

/** organisations.json's meta.sources → each document's language. */
export function documentLanguages(meta: unknown): Record<string, string> {
  const sources = (meta as { sources?: Record<string, { language?: string }> } | undefined)?.sources ?? {};
  return Object.fromEntries(
    Object.entries(sources).flatMap(([document, about]) => (about.language ? [[document, about.language]] : [])),
  );
}
