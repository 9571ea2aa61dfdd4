import { assertCanReadPersonalData } from '../auth';
import type { LeaderMemberConnection, RegisterStats } from '../contract';
import { PageSizeExceededError } from '../errors';
import type { SubgraphContext } from './context';
import { decodeCursor, encodeCursor } from './cursor';
import { toLeaderMember } from './mapper';
import { recordPersonalDataRead } from './privacyService';

/** Largest page a caller may ask for. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** Register stats carry their organisation, so the breakdown under them knows whose register it is. */
export type RegisterStatsSource = RegisterStats & { organisationId: string };

/**
 * A register's size is an organisational fact, as public as the reported figures (and the dashboards'
 * indicators): anyone may read it. Its breakdowns need an authenticated caller, its members their
 * own union's staff.
 */
export async function registerStats(ctx: SubgraphContext, organisationId: string): Promise<RegisterStatsSource | null> {
  const register = await ctx.loaders.register.load(organisationId);
  return register && { ...register, organisationId };
}

/**
 * One keyset page of an organisation's register, ordered by id, for its own union staff only (and
 * written to its audit log). Null when the organisation keeps no register (confederations, the
 * secretariat). Access and arguments are checked before any query runs.
 */
export async function leaderMemberPage(
  ctx: SubgraphContext,
  organisationId: string,
  first: number,
  after: string | null | undefined,
): Promise<LeaderMemberConnection | null> {
  assertCanReadPersonalData(ctx.viewer, organisationId, 'leaderMembers');
  const { loaders } = ctx;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new PageSizeExceededError(first, MAX_PAGE_SIZE);
  }
  const afterId = after == null ? null : decodeCursor(after);
  const register = await loaders.register.load(organisationId);
  if (!register) return null;
  const rows = first === 0 ? [] : await loaders.leaderMemberPage.load({ organisationId, afterId, limit: first + 1 });
  const page = rows.slice(0, first);
  const edges = page.map((row) => ({ cursor: encodeCursor(row.id), node: toLeaderMember(row) }));
  await recordPersonalDataRead(ctx, organisationId, 'leaderMembers', page.map((row) => row.id));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: register.leaderMemberCount,
  };
}
