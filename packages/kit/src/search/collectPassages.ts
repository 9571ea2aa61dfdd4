import type { SourceData } from '../db/entities/values';
import { searchConfigOf } from './languages';
import type { PassageRow } from './passageTable';

/** Keys of the contract's facts whose strings are the curator's English (ENGLISH_RENDERING in the contract). */
export const CONTRACT_ENGLISH_KEYS: ReadonlySet<string> = new Set([
  'english', 'items', 'label', 'note', 'goals', 'conditions', 'grantedBy', 'representative', 'belongsTo', 'mainTask',
  'scopeRule', 'composition', 'membershipRule', 'fees', 'work', 'electedBy', 'appliesTo', 'extras', 'students', 'rateUnit',
  'participants', 'agenda', 'elects', 'reportsTo', 'cardinality', 'meetingFrequency', 'ends',
]);

/** What names a fact, best first: its English where there is one. */
const FACT_KEYS = ['english', 'label', 'title', 'purpose', 'name', 'originalTerm', 'originalTitle', 'key', 'id'];

export interface FactsOf {
  organisationId: string;
  /** Contract-shaped values by their field in the API (e.g. { representativeRules: [...], councils: [...] }). */
  facts: Record<string, unknown>;
  languageOf: (document: string) => string | null;
  /** Keys whose strings are the curator's English. Default: CONTRACT_ENGLISH_KEYS. */
  englishKeys?: ReadonlySet<string>;
  /** Keys whose strings are in the source's language without being quotes (a decision's title). Default: none. */
  originalKeys?: ReadonlySet<string>;
}

type Json = Record<string, unknown>;

const isSource = (value: unknown): value is SourceData =>
  !!value && typeof value === 'object' && typeof (value as Json).quote === 'string' && 'document' in (value as Json);

const strings = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : Array.isArray(value) ? value.flatMap(strings) : [];

/**
 * Every passage of an organisation's facts, found by walking the same contract-shaped values the API
 * serves, so what is searched is what is exposed: each object that carries a source or sources is a
 * fact; its quotes are passages in their document's language, its English strings passages in English
 * with the quotes beside them.
 */
export function collectPassages(options: FactsOf): PassageRow[] {
  const { organisationId, facts, languageOf } = options;
  const englishKeys = options.englishKeys ?? CONTRACT_ENGLISH_KEYS;
  const originalKeys = options.originalKeys ?? new Set<string>();
  const rows: PassageRow[] = [];
  const add = (row: Omit<PassageRow, 'organisationId' | 'position' | 'config'>) => {
    if (!row.text.trim()) return;
    rows.push({ ...row, organisationId, position: rows.length, config: searchConfigOf(row.language) });
  };

  const visit = (value: unknown, field: string, parentFact: string | null): void => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, `${field}[${index}]`, parentFact));
      return;
    }
    if (!value || typeof value !== 'object') return;
    const record = value as Json;
    if (isSource(record)) {
      // A bare source (parentSource, leaderMemberCountCaption): a fact of its own field.
      addQuote(record, field, parentFact ?? field);
      return;
    }
    const own = [record.source, ...(Array.isArray(record.sources) ? record.sources : [])].filter(isSource);
    const fact = FACT_KEYS.map((key) => record[key]).find((name): name is string => typeof name === 'string') ?? parentFact ?? field;
    if (own.length) {
      for (const source of own) addQuote(source, field, fact);
      const document = own[0]!.document;
      for (const [key, child] of Object.entries(record)) {
        if (englishKeys.has(key)) {
          for (const text of strings(child)) add({ field, fact, kind: 'ENGLISH_RENDERING', language: 'en', document, text, sources: own });
        } else if (originalKeys.has(key)) {
          for (const text of strings(child)) {
            add({ field, fact, kind: 'ORIGINAL_TEXT', language: languageOf(document) ?? 'und', document, text, sources: own });
          }
        }
      }
    }
    for (const [key, child] of Object.entries(record)) {
      if (key === 'source' || key === 'sources') continue;
      if (child && typeof child === 'object') visit(child, `${field}.${key}`, own.length ? fact : parentFact);
    }
  };

  const addQuote = (source: SourceData, field: string, fact: string) =>
    add({
      field, fact, kind: 'QUOTE', language: languageOf(source.document) ?? 'und', document: source.document, text: source.quote,
      sources: [{ document: source.document, quote: source.quote }],
    });

  for (const [field, value] of Object.entries(facts)) visit(value, field, null);
  return rows;
}
