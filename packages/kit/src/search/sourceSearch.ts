import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { PassageKind, SourcePassageConnection } from '@nlf/contract';
import { SOURCE_SEARCH_MAX_PAGE, SOURCE_SEARCH_MAX_WORDS, SOURCE_SEARCH_TEXT_MAX, SOURCE_SEARCH_TEXT_MIN } from '@nlf/contract';
import { ErrorCode, FederationError, InvalidCursorError, PageSizeExceededError } from '@nlf/contract';
import { normaliseSearchText } from '@nlf/contract';
import { ALL_SEARCH_CONFIGS } from './languages';
import { PASSAGE_TABLE } from './passageTable';

/** Deepest offset a cursor may name: past it, a search would rank passages nobody pages to. */
const MAX_OFFSET = 10_000;

/** How close a passage's word must be to a search word to count, by pg_trgm's similarity (0–1). */
export const TYPO_SIMILARITY = 0.5;
/** Shortest search word that also matches as the start of longer words. */
export const PREFIX_MIN = 3;

export interface PassageKey {
  organisationId: string;
  /** Normalised search text. */
  text: string;
  offset: number;
  limit: number;
}

interface PassageRecord {
  ord: number;
  total: number;
  organisation_id: string | null;
  field: string;
  fact: string;
  kind: string;
  language: string;
  document: string | null;
  text: string;
  sources: { document: string; quote: string }[];
  score: number;
}

// The search text is parsed once in every configuration (so "lønnen" becomes the Norwegian stem
// "lønn", "medlemmar" the Swedish "medlemm"); each passage is compared with the terms of its own
// language only. A term matches a passage's word when they are the same stem (1), when the word
// starts with it (0.8: a prefix), or when pg_trgm finds them similar (typos, inflections the stemmer
// leaves apart: "medlemm" ~ "medlem"). Every term must match. Compound words stay one word: a
// prefix finds them ("leder" finds "lederlønnen"), a later part does not ("lønn" does not).
const SEARCH_SQL = `
with q as (
  select c.cfg, tsvector_to_array(to_tsvector(c.cfg, ?)) as terms
  from unnest(?::regconfig[]) as c(cfg)
),
k as (select * from jsonb_to_recordset(?::jsonb) as k(ord int, organisation_id text, "offset" int)),
matched as (
  select p.*, m.score from ${PASSAGE_TABLE} p
  join q on q.cfg = p.config and cardinality(q.terms) > 0
  cross join lateral (
    select count(*) as hits, sum(best) as score from (
      select max(case when l = t then 1.0
                      when char_length(t) >= ${PREFIX_MIN} and starts_with(l, t) then 0.8
                      when similarity(l, t) >= ${TYPO_SIMILARITY} then similarity(l, t) * 0.7
                      else 0 end) as best
      from unnest(q.terms) t cross join unnest(p.lexemes) l
      group by t
    ) b where best > 0
  ) m
  where m.hits = cardinality(q.terms) and p.organisation_id in (select organisation_id from k)
)
select k.ord, c.total, s.organisation_id, s.field, s.fact, s.kind, s.language, s.document, s.text, s.sources, s.score
from k
cross join lateral (select count(*)::int as total from matched where matched.organisation_id = k.organisation_id) c
left join lateral (
  select * from matched where matched.organisation_id = k.organisation_id
  order by matched.score desc, char_length(matched.text), matched.position
  limit ? offset k."offset"
) s on true
order by k.ord, s.score desc, char_length(s.text), s.position`;

/**
 * The search's text rule: normalised as a member search's, 2 to 200 characters and at most 12 words
 * (VALUE_TOO_SHORT, VALUE_TOO_LONG naming `text`).
 */
export function normaliseSourceSearchText(text: string): string {
  const normalised = normaliseSearchText(text, { minimum: SOURCE_SEARCH_TEXT_MIN, maximum: SOURCE_SEARCH_TEXT_MAX });
  const words = normalised.split(' ').length;
  if (words > SOURCE_SEARCH_MAX_WORDS) {
    throw new FederationError(`text has ${words} words; at most ${SOURCE_SEARCH_MAX_WORDS} are allowed`, ErrorCode.VALUE_TOO_LONG, {
      argument: 'text', field: 'text', maximumWords: SOURCE_SEARCH_MAX_WORDS,
    });
  }
  return normalised;
}

const CURSOR_PREFIX = 'sp1:';

export const encodePassageCursor = (offset: number): string => Buffer.from(`${CURSOR_PREFIX}${offset}`, 'utf8').toString('base64url');

export function decodePassageCursor(cursor: string): number {
  if (cursor.length > 40 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw new InvalidCursorError();
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^sp1:(0|[1-9][0-9]{0,5})$/.exec(text);
  if (!match || Number(match[1]) > MAX_OFFSET) throw new InvalidCursorError();
  return Number(match[1]);
}

/** Every organisation's page asked for in one request with the same text and size, in one statement. */
export function createPassageLoader(em: EntityManager): DataLoader<PassageKey, { total: number; rows: PassageRecord[] }, string> {
  const connection = em.getConnection();
  return new DataLoader(
    async (keys) => {
      const results = keys.map(() => ({ total: 0, rows: [] as PassageRecord[] }));
      const groups = new Map<string, number[]>();
      keys.forEach((key, ord) => {
        const group = `${key.text}\u0000${key.limit}`;
        groups.set(group, [...(groups.get(group) ?? []), ord]);
      });
      for (const ords of groups.values()) {
        const { text, limit } = keys[ords[0]!]!;
        const batch = ords.map((ord) => ({ ord, organisation_id: keys[ord]!.organisationId, offset: keys[ord]!.offset }));
        const records: PassageRecord[] = await connection.execute(SEARCH_SQL, [
          text, `{${ALL_SEARCH_CONFIGS.join(',')}}`, JSON.stringify(batch), limit,
        ]);
        for (const record of records) {
          const result = results[record.ord]!;
          result.total = record.total;
          if (record.organisation_id !== null) result.rows.push(record);
        }
      }
      return results;
    },
    { cacheKeyFn: (key) => `${key.organisationId}\u0000${key.text}\u0000${key.offset}\u0000${key.limit}` },
  );
}

/**
 * One organisation's passages matching `text`, best first: the page size, the text and the cursor are
 * checked before any query runs. Anyone may search: the passages are the sources' published words.
 */
export async function sourceSearch(
  loader: DataLoader<PassageKey, { total: number; rows: PassageRecord[] }, string>,
  organisationId: string,
  text: string,
  first: number,
  after: string | null | undefined,
): Promise<SourcePassageConnection> {
  if (!Number.isInteger(first) || first < 0 || first > SOURCE_SEARCH_MAX_PAGE) {
    throw new PageSizeExceededError(first, SOURCE_SEARCH_MAX_PAGE);
  }
  const normalised = normaliseSourceSearchText(text);
  const offset = after == null ? 0 : decodePassageCursor(after);
  const { total, rows } = await loader.load({ organisationId, text: normalised, offset, limit: first });
  const edges = rows.map((row, index) => ({
    cursor: encodePassageCursor(offset + index + 1),
    node: {
      organisationId: row.organisation_id!,
      field: row.field,
      fact: row.fact,
      kind: row.kind as PassageKind,
      language: row.language,
      text: row.text,
      document: row.document,
      sources: row.sources.map((source) => ({ document: source.document, quote: source.quote })),
      score: Number(row.score),
    },
  }));
  return {
    edges,
    pageInfo: { hasNextPage: offset + rows.length < total, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: total,
  };
}
