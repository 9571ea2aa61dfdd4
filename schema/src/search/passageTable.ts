import { EntitySchema } from '@mikro-orm/core';
import type { SourceData } from '../db/entities/values';

/** One searchable passage: a quote, a text in the source's language, or the curator's English rendering. */
export interface PassageRow {
  organisationId: string;
  position: number;
  field: string;
  fact: string;
  kind: 'QUOTE' | 'ORIGINAL_TEXT' | 'ENGLISH_RENDERING';
  language: string;
  /** The text-search configuration of its language (see languages.ts). */
  config: string;
  document: string | null;
  text: string;
  sources: SourceData[];
}

export const PASSAGE_TABLE = 'source_passage';

export const SourcePassageEntity = new EntitySchema<PassageRow & { id: string }>({
  name: 'SourcePassage',
  tableName: PASSAGE_TABLE,
  properties: {
    id: { type: 'bigint', primary: true, autoincrement: true },
    organisationId: { type: 'string' },
    position: { type: 'integer' },
    field: { type: 'string' },
    fact: { type: 'string' },
    kind: { type: 'string' },
    language: { type: 'string' },
    config: { type: 'string', columnType: 'regconfig' },
    document: { type: 'string', nullable: true },
    text: { type: 'string' },
    sources: { type: 'json' },
  },
});

/**
 * The passage table, for a migration (the kit's, and the cooperation subgraph's own). Its lexemes are
 * the passage's own language's stems, computed once when it is written; pg_trgm compares them with a
 * search's terms for prefixes and small typos. `references`: the table whose id the organisation is.
 */
export function passageTableSql(options: { references: string | null }): string[] {
  const organisation = options.references
    ? `organisation_id text not null references ${options.references} (id) on delete cascade`
    : 'organisation_id text not null';
  return [
    'create extension if not exists pg_trgm',
    `create table ${PASSAGE_TABLE} (
      id bigserial primary key,
      ${organisation},
      position integer not null,
      field text not null,
      fact text not null,
      kind text not null check (kind in ('QUOTE', 'ORIGINAL_TEXT', 'ENGLISH_RENDERING')),
      language text not null,
      config regconfig not null,
      document text,
      text text not null,
      sources jsonb not null,
      lexemes text[] generated always as (tsvector_to_array(to_tsvector(config, text))) stored
    )`,
    `create index ${PASSAGE_TABLE}_organisation_idx on ${PASSAGE_TABLE} (organisation_id, position)`,
  ];
}
