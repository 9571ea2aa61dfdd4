import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { createPassageLoader } from '../search/sourceSearch';
import type { LeaderMemberRow } from '../db/entities';
import type { PublicFacts, RegisterCount } from './publicFacts';
import { snapshotPublicLoaders, sqlPublicLoaders, type PublicLoaders } from './publicLoaders';

export type { RegisterCount } from './publicFacts';
export type { BreakdownKey } from './publicLoaders';

export interface PageKey {
  organisationId: string;
  afterId: string | null;
  /** Rows to fetch: the page size plus one, to know whether another page follows. */
  limit: number;
}

export interface SearchKey extends PageKey {
  /** LIKE pattern matched against lower-cased names: escaped, lower-case text and a trailing %. */
  pattern: string;
}

export interface SearchPage {
  rows: LeaderMemberRow[];
  /** Members matching the pattern, on every page. */
  matches: number;
}

/**
 * One set per request, so a request never sees another's cache and every list costs one query. The
 * public facts (PublicLoaders) come from the subgraph's snapshot when it has one; what feeds a
 * personal field (members, searches, the audit log) is always read by SQL for the request.
 */
export interface Loaders extends PublicLoaders {
  /** The register's size as the member pages count it: by SQL with them, never from the snapshot. */
  memberRegister: DataLoader<string, RegisterCount | null>;
  leaderMemberPage: DataLoader<PageKey, LeaderMemberRow[], string>;
  leaderMemberSearch: DataLoader<SearchKey, SearchPage, string>;
  /** Source passages matching a search, per organisation (any subgraph with a source_passage table). */
  passages: ReturnType<typeof createPassageLoader>;
}

interface LeaderMemberRecord {
  id: string;
  organisation_id: string;
  given_name: string;
  family_name: string;
  title: string;
  region: string;
  birth_year: number;
  joined_on: string;
  section_id: string | null;
  branch_id: string | null;
  synthetic: boolean;
}

function toLeaderMemberRow(record: LeaderMemberRecord): LeaderMemberRow {
  return {
    id: record.id,
    organisationId: record.organisation_id,
    givenName: record.given_name,
    familyName: record.family_name,
    title: record.title,
    region: record.region,
    birthYear: record.birth_year,
    joinedOn: record.joined_on,
    sectionId: record.section_id,
    branchId: record.branch_id,
    synthetic: record.synthetic,
  };
}

// Every page of every organisation asked for in one request, in one statement: a lateral keyset
// scan per (organisation, cursor) pair over the (organisation_id, id) index.
const PAGE_SQL = `
select m.id, m.organisation_id, m.given_name, m.family_name, m.title, m.region, m.birth_year,
       m.joined_on::text as joined_on, m.section_id, m.branch_id, m.synthetic, k.ord
from jsonb_to_recordset(?::jsonb) as k(ord int, organisation_id text, after_id text)
cross join lateral (
  select * from leader_member l
  where l.organisation_id = k.organisation_id and l.id > coalesce(k.after_id, '')
  order by l.id
  limit ?
) m
order by k.ord, m.id`;

// A case-insensitive prefix match on the family name or on "given family" (which covers the given
// name), each served by an expression index of Migration20261123200000_leaderMemberSearch: the
// pattern is a bound value, so PostgreSQL turns its fixed prefix into an index range. The ICU
// collation makes lower() fold å, ø, ö... whatever locale the database was created with.
const NAME_MATCHES = `(lower(l.family_name collate "und-x-icu") like ?
    or lower((l.given_name || ' ' || l.family_name) collate "und-x-icu") like ?)`;

// Every search page asked for in one request with the same pattern and size, in one statement:
// per (organisation, cursor), the count of matches and a keyset page ordered by id as leaderMembers.
const SEARCH_SQL = `
select k.ord, c.matches, m.id, m.organisation_id, m.given_name, m.family_name, m.title, m.region, m.birth_year,
       m.joined_on::text as joined_on, m.section_id, m.branch_id, m.synthetic
from jsonb_to_recordset(?::jsonb) as k(ord int, organisation_id text, after_id text)
cross join lateral (
  select count(*)::int as matches from leader_member l
  where l.organisation_id = k.organisation_id and ${NAME_MATCHES}
) c
left join lateral (
  select * from leader_member l
  where l.organisation_id = k.organisation_id and l.id > coalesce(k.after_id, '') and ${NAME_MATCHES}
  order by l.id
  limit ?
) m on true
order by k.ord, m.id`;

/** The search's one statement and its values, for (organisation, cursor) pairs of one pattern and page size. */
export function searchStatement(
  batch: { ord: number; organisation_id: string; after_id: string | null }[],
  pattern: string,
  limit: number,
): [string, unknown[]] {
  return [SEARCH_SQL, [JSON.stringify(batch), pattern, pattern, pattern, pattern, limit]];
}

/**
 * The loaders of one request. `publicFacts` (once per request) gives the snapshot's facts; without it
 * every public fact is read by SQL too, and the members' register count is the public one's.
 */
export function createLoaders(em: EntityManager, publicFacts?: () => Promise<PublicFacts | undefined>): Loaders {
  const connection = em.getConnection();
  const bySql = sqlPublicLoaders(em);
  return {
    ...(publicFacts ? snapshotPublicLoaders(publicFacts, bySql) : bySql),
    memberRegister: bySql.register,
    passages: createPassageLoader(em),
    leaderMemberPage: new DataLoader(
      async (keys) => {
        const results: LeaderMemberRow[][] = keys.map(() => []);
        const limits = [...new Set(keys.map((key) => key.limit))];
        for (const limit of limits) {
          const batch = keys.flatMap((key, ord) =>
            key.limit === limit ? [{ ord, organisation_id: key.organisationId, after_id: key.afterId }] : [],
          );
          const records: (LeaderMemberRecord & { ord: number })[] = await connection.execute(PAGE_SQL, [
            JSON.stringify(batch),
            limit,
          ]);
          for (const record of records) results[record.ord]!.push(toLeaderMemberRow(record));
        }
        return results;
      },
      { cacheKeyFn: pageCacheKey },
    ),
    leaderMemberSearch: new DataLoader(
      async (keys) => {
        const results: SearchPage[] = keys.map(() => ({ rows: [], matches: 0 }));
        const groups = new Map<string, number[]>();
        keys.forEach((key, ord) => {
          const group = `${key.pattern}\u0000${key.limit}`;
          groups.set(group, [...(groups.get(group) ?? []), ord]);
        });
        for (const ords of groups.values()) {
          const { pattern, limit } = keys[ords[0]!]!;
          const batch = ords.map((ord) => ({ ord, organisation_id: keys[ord]!.organisationId, after_id: keys[ord]!.afterId }));
          const records: (Nullable<LeaderMemberRecord> & { ord: number; matches: number })[] = await connection.execute(
            ...searchStatement(batch, pattern, limit),
          );
          for (const record of records) {
            const result = results[record.ord]!;
            result.matches = record.matches;
            if (record.id !== null) result.rows.push(toLeaderMemberRow(record as LeaderMemberRecord));
          }
        }
        return results;
      },
      { cacheKeyFn: (key) => `${pageCacheKey(key)}\u0000${key.pattern}` },
    ),
  };
}

type Nullable<T> = { [K in keyof T]: T[K] | null };

function pageCacheKey(key: PageKey): string {
  return `${key.organisationId}\u0000${key.afterId ?? ''}\u0000${key.limit}`;
}
