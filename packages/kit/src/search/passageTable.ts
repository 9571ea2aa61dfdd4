import { EntitySchema } from '@mikro-orm/core';
import { organisationOf } from '../db/entities/references';
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

type PassageEntityRow = PassageRow & { id: string; lexemes?: string[] };

/** The passage table's columns but its organisation, as passageTableSql creates them. */
const passageProperties = {
  id: { type: 'bigint', primary: true, autoincrement: true },
  position: { type: 'integer' },
  field: { type: 'text' },
  fact: { type: 'text' },
  kind: { type: 'text', enum: true, items: ['QUOTE', 'ORIGINAL_TEXT', 'ENGLISH_RENDERING'] },
  language: { type: 'text' },
  config: { type: 'string', columnType: 'regconfig' },
  document: { type: 'text', nullable: true },
  text: { type: 'text' },
  sources: { type: 'json' },
  // Computed by PostgreSQL from config and text; never written, and read only by the search's SQL.
  lexemes: { type: 'string[]', columnType: 'text[]', generated: '(tsvector_to_array(to_tsvector(config, text))) stored', lazy: true, nullable: true },
} as const;

const passageIndexes = [{ name: `${PASSAGE_TABLE}_organisation_idx`, properties: ['organisationId', 'position'] as (keyof PassageEntityRow)[] }];

/**
 * The table as passageTableSql({ references: null }) creates it (the cooperation subgraph's), so the
 * schema generator finds no difference (test/storage/migrationsMatchEntities.test.ts checks it).
 */
export const SourcePassageEntity = new EntitySchema<PassageEntityRow>({
  name: 'SourcePassage',
  tableName: PASSAGE_TABLE,
  indexes: passageIndexes,
  properties: { ...passageProperties, organisationId: { type: 'text' } },
});

/**
 * The same table in a union's database, where organisation_id also references its organisations
 * (passageTableSql({ references: 'organisation' })). Same name, so `em.insertMany(SourcePassageEntity, ...)`
 * finds this one in an ORM that registers it instead.
 */
export const ContractSourcePassageEntity = new EntitySchema<PassageEntityRow>({
  name: 'SourcePassage',
  tableName: PASSAGE_TABLE,
  indexes: passageIndexes,
  properties: {
    ...passageProperties,
    organisationId: organisationOf(PASSAGE_TABLE),
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
