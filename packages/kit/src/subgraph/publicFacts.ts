import type { EntityMetadata, MetadataStorage } from '@mikro-orm/core';
import type { RegisterDimension } from '@nlf/contract';
import {
  BranchEntity, CouncilEntity, CouncilMemberEntity, ForumEntity, OrganisationEntity, RegisterInfoEntity, SectionEntity,
  type BranchRow, type RegisterInfoRow, type CouncilMemberRow, type CouncilRow, type ForumRow, type OrganisationRow, type SectionRow,
} from '../db/entities';
import type { CountCell } from '../privacy/suppress';
import { groupBy } from './entityLoaders';

/** A register as the public reads it: whether it is synthetic, and how many members it holds. */
export interface RegisterCount {
  synthetic: boolean;
  leaderMemberCount: number;
}

/** The one place a dimension becomes SQL: a fixed expression per enum value, never caller text. */
export const DIMENSION_SQL: Record<RegisterDimension, string> = {
  BRANCH: "coalesce(branch_id, '(none)')",
  REGION: 'region',
  TITLE: 'title',
  JOINED_YEAR: 'extract(year from joined_on)::int::text',
  AGE_BAND:
    "((extract(year from current_date)::int - birth_year) / 10 * 10)::text || '-' || ((extract(year from current_date)::int - birth_year) / 10 * 10 + 9)::text",
};

/**
 * The contract's lists of an organisation's public facts, each the rows of one table with the same
 * value in `by`, in `order`: the per-request loaders and the snapshot read them by this one description.
 */
export const PUBLIC_LISTS = {
  councils: { entity: CouncilEntity, by: 'organisationId', order: 'position' },
  councilMembers: { entity: CouncilMemberEntity, by: 'councilId', order: 'position' },
  forums: { entity: ForumEntity, by: 'organisationId', order: 'position' },
  branches: { entity: BranchEntity, by: 'organisationId', order: 'position' },
  sections: { entity: SectionEntity, by: 'organisationId', order: 'position' },
} as const;

export type PublicListName = keyof typeof PUBLIC_LISTS;

interface PublicListRows {
  councils: CouncilRow;
  councilMembers: CouncilMemberRow;
  forums: ForumRow;
  branches: BranchRow;
  sections: SectionRow;
}

/** Cells of a register breakdown, by `${dimension}|${organisationId}` (breakdownKey). */
export const breakdownKey = (dimension: RegisterDimension, organisationId: string) => `${dimension}|${organisationId}`;

/**
 * Everything public a union subgraph's contract fields read, at one data version: no member of a
 * register, only its size and its breakdown counts (suppressed by the services when read).
 */
export interface PublicFacts {
  /** The data version the facts were read at, in the same statement. */
  version: string;
  /** Bytes of the statement's answer: what the snapshot holds, give or take the objects' overhead. */
  bytes: number;
  organisations: ReadonlyMap<string, OrganisationRow>;
  lists: { readonly [Name in PublicListName]: ReadonlyMap<string, readonly PublicListRows[Name][]> };
  registers: ReadonlyMap<string, RegisterCount>;
  /** Every dimension's cells of every register (breakdownKey); a register with no member has none. */
  breakdowns: ReadonlyMap<string, readonly CountCell[]>;
}

/** The discovered metadata of an entity (its columns' database names), by the entity's schema. */
const metaOf = (metadata: MetadataStorage, entity: { meta: { className: string } }): EntityMetadata<Record<string, unknown>> =>
  metadata.get(entity.meta.className);

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;
const dimensionColumn = (dimension: RegisterDimension) => dimension.toLowerCase();

function column(meta: EntityMetadata<Record<string, unknown>>, property: string): string {
  const prop = meta.props.find((one) => one.name === property);
  if (!prop?.fieldNames[0]) throw new Error(`${meta.className} has no column for ${property}`);
  return quote(prop.fieldNames[0]);
}

/** Rows of one table as a JSON array, in `order` (the columns are the table's, by their database names). */
function tableJson(meta: EntityMetadata<Record<string, unknown>>, order: string[] = []): string {
  const orderBy = order.length ? ` order by ${order.map((property) => `t.${column(meta, property)}`).join(', ')}` : '';
  return `(select coalesce(json_agg(t${orderBy}), '[]'::json) from ${quote(meta.tableName)} t)`;
}

const DIMENSIONS = Object.keys(DIMENSION_SQL) as RegisterDimension[];

// Each register's size and every dimension's counts in one scan of leader_member: a grouping set per
// dimension, and one of the organisation alone for the size. grouping() tells them apart (a key can be null).
const REGISTER_CELLS_SQL = `(select coalesce(json_agg(c order by c.organisation_id, c.dimension, c.key), '[]'::json) from (
  select organisation_id,
    case ${DIMENSIONS.map((d) => `when grouping(${dimensionColumn(d)}) = 0 then '${d}'`).join(' ')} end as dimension,
    case ${DIMENSIONS.map((d) => `when grouping(${dimensionColumn(d)}) = 0 then ${dimensionColumn(d)}`).join(' ')} end as key,
    count(*)::int as count
  from (select organisation_id, ${DIMENSIONS.map((d) => `${DIMENSION_SQL[d]} as ${dimensionColumn(d)}`).join(', ')} from leader_member) m
  group by grouping sets ((organisation_id), ${DIMENSIONS.map((d) => `(organisation_id, ${dimensionColumn(d)})`).join(', ')})
) c)`;

/**
 * The one statement that reads every public fact of a union subgraph, with the data version, at one
 * moment (a statement sees one snapshot of the database); the answer's text is sent only when it is
 * at most `maxBytes` (the third value), so an outsized snapshot never reaches the process.
 */
export function publicFactsStatement(metadata: MetadataStorage, maxBytes: number): [string, unknown[]] {
  const lists = Object.entries(PUBLIC_LISTS).map(([name, list]) => `'${name}', ${tableJson(metaOf(metadata, list.entity), [list.by, list.order])}`);
  const sql = `with facts as (
  select (select version::text from data_version) as version, json_build_object(
    'organisations', ${tableJson(metaOf(metadata, OrganisationEntity))},
    'registers', ${tableJson(metaOf(metadata, RegisterInfoEntity))},
    'cells', ${REGISTER_CELLS_SQL},
    ${lists.join(',\n    ')}
  )::text as body
)
select version, octet_length(body) as bytes, case when octet_length(body) <= ? then body end as body from facts`;
  return [sql, [maxBytes]];
}

/** A JSON record of a table (database column names) → its entity's row (property names). */
function rowMapper<T>(meta: EntityMetadata<Record<string, unknown>>): (record: Record<string, unknown>) => T {
  const pairs = meta.props.filter((prop) => prop.fieldNames?.length === 1).map((prop) => [prop.name, prop.fieldNames[0]!] as const);
  return (record) => Object.fromEntries(pairs.map(([name, field]) => [name, record[field] ?? null])) as T;
}

/** Rows by `key`, each list in the rows' order (the statement's). */
function groupedBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const keys = [...new Set(rows.map(key))];
  const lists = groupBy(rows, key, keys);
  return new Map(keys.map((value, index) => [value, lists[index]!]));
}

interface CellRecord {
  organisation_id: string;
  dimension: RegisterDimension | null;
  key: string | null;
  count: number;
}

/** The statement's answer → the facts, rows shaped as the entity manager gives them. */
export function parsePublicFacts(metadata: MetadataStorage, answer: { version: string; bytes: number; body: string }): PublicFacts {
  const json = JSON.parse(answer.body) as Record<string, Record<string, unknown>[]>;
  const organisations = json.organisations!.map(rowMapper<OrganisationRow>(metaOf(metadata, OrganisationEntity)));
  const cells = json.cells as unknown as CellRecord[];
  const sizes = new Map(cells.filter((cell) => cell.dimension === null).map((cell) => [cell.organisation_id, cell.count]));
  const registers = new Map(
    json.registers!.map(rowMapper<RegisterInfoRow>(metaOf(metadata, RegisterInfoEntity))).map((info) => [
      info.organisationId,
      { synthetic: info.synthetic, leaderMemberCount: sizes.get(info.organisationId) ?? 0 },
    ]),
  );
  const byDimension = groupedBy(
    cells.filter((cell) => cell.dimension !== null),
    (cell) => breakdownKey(cell.dimension!, cell.organisation_id),
  );
  const breakdowns = new Map([...byDimension].map(([key, list]) => [key, list.map((cell): CountCell => ({ key: cell.key as string, count: cell.count }))]));
  const lists = Object.fromEntries(
    Object.entries(PUBLIC_LISTS).map(([name, list]) => {
      const rows = json[name]!.map(rowMapper<Record<string, unknown>>(metaOf(metadata, list.entity)));
      return [name, groupedBy(rows, (row) => String(row[list.by]))];
    }),
  ) as unknown as PublicFacts['lists'];
  return {
    version: answer.version,
    bytes: answer.bytes,
    organisations: new Map(organisations.map((row) => [row.id, row])),
    lists,
    registers,
    breakdowns,
  };
}
