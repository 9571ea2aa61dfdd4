import { assertCanReadPersonalData } from '@nlf/contract';
import type { LeaderMemberConnection, RegisterStats } from '@nlf/contract';
import { MAX_PAGE_SIZE } from '@nlf/contract';
import type { LeaderMemberRow } from '../db/entities';
import { PageSizeExceededError } from '@nlf/contract';
import type { SubgraphContext } from './context';
import { decodeCursor, decodeSearchCursor, encodeCursor, encodeSearchCursor } from '@nlf/contract';
import type { RegisterCount } from './loaders';
import { toLeaderMember } from './mapper';
import { searchPattern } from '@nlf/contract';
import { publicSize } from '../privacy/suppress';


/** Register stats carry their organisation, so the breakdown under them knows whose register it is. */
export type RegisterStatsSource = RegisterStats & { organisationId: string };

/**
 * A register's size is an organisational fact, as public as the reported figures (and the dashboards'
 * indicators): anyone may read it, by the breakdowns' rule (publicSize: a register smaller than the
 * threshold is "fewer than N"). Its breakdowns need an authenticated caller, its members their own
 * union's staff.
 */
export async function registerStats(ctx: SubgraphContext, organisationId: string): Promise<RegisterStatsSource | null> {
  const register = await ctx.loaders.register.load(organisationId);
  if (!register) return null;
  const size = publicSize(register.leaderMemberCount, ctx.suppressionThreshold);
  return { synthetic: register.synthetic, leaderMemberCount: size.exact, leaderMemberCountFewerThan: size.fewerThan, organisationId };
}

export function assertPageSize(first: number): void {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) throw new PageSizeExceededError(first, MAX_PAGE_SIZE);
}

interface MemberRead {
  first: number;
  after: string | null | undefined;
  cursor: { encode(id: string): string; decode(cursor: string): string };
  /** Up to `first` + 1 members after `afterId` (one more tells whether another page follows), and the total. */
  fetch(afterId: string | null, register: RegisterCount): Promise<{ rows: LeaderMemberRow[]; totalCount: number }>;
}

/**
 * A keyset page of an organisation's members, ordered by id, once the caller's access is checked:
 * the page size and the cursor are checked before any query runs, null when the organisation keeps no
 * register (confederations, the secretariat). The fields are marked personal: the kit audits each read.
 */
async function readMembers(ctx: SubgraphContext, organisationId: string, read: MemberRead): Promise<LeaderMemberConnection | null> {
  const { first } = read;
  assertPageSize(first);
  const afterId = read.after == null ? null : read.cursor.decode(read.after);
  // Read with the members, by SQL, never from the public snapshot: a personal read sees the register as it is.
  const register = await ctx.loaders.memberRegister.load(organisationId);
  if (!register) return null;
  const { rows, totalCount } = await read.fetch(afterId, register);
  const members = rows.slice(0, first);
  const edges = members.map((row) => ({ cursor: read.cursor.encode(row.id), node: toLeaderMember(row) }));
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
}

/** One keyset page of an organisation's register, for its own union staff only. */
export async function leaderMemberPage(
  ctx: SubgraphContext,
  organisationId: string,
  first: number,
  after: string | null | undefined,
): Promise<LeaderMemberConnection | null> {
  assertCanReadPersonalData(ctx.viewer, organisationId, 'leaderMembers');
  return readMembers(ctx, organisationId, {
    first,
    after,
    cursor: { encode: encodeCursor, decode: decodeCursor },
    fetch: async (afterId, register) => ({
      rows: first === 0 ? [] : await ctx.loaders.leaderMemberPage.load({ organisationId, afterId, limit: first + 1 }),
      totalCount: register.leaderMemberCount,
    }),
  });
}

/**
 * Members whose family name, given name or "given family" starts with `text`, case-insensitively
 * (normaliseSearchText's rule): a page as leaderMembers gives, with the count of all matches as
 * totalCount, under the same rules. Access is checked before the text, so a caller who may not search
 * learns nothing from its refusal.
 */
export async function leaderMemberSearch(
  ctx: SubgraphContext,
  organisationId: string,
  text: string,
  first: number,
  after: string | null | undefined,
): Promise<LeaderMemberConnection | null> {
  assertCanReadPersonalData(ctx.viewer, organisationId, 'leaderMemberSearch');
  const pattern = searchPattern(text);
  return readMembers(ctx, organisationId, {
    first,
    after,
    cursor: { encode: encodeSearchCursor, decode: decodeSearchCursor },
    // With first: 0 too, as the count of matches is the answer then.
    fetch: async (afterId) => {
      const { rows, matches } = await ctx.loaders.leaderMemberSearch.load({ organisationId, pattern, afterId, limit: first + 1 });
      return { rows, totalCount: matches };
    },
  });
}
