import type { LeaderMemberConnection, RegisterStats } from '../contract';
import { PageSizeExceededError } from '../errors';
import { decodeCursor, encodeCursor } from './cursor';
import type { Loaders } from './loaders';
import { toLeaderMember } from './mapper';

/** Largest page a caller may ask for. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export async function registerStats(loaders: Loaders, organisationId: string): Promise<RegisterStats | null> {
  return loaders.register.load(organisationId);
}

/**
 * One keyset page of an organisation's register, ordered by id. Null when the organisation keeps
 * no register (confederations, the secretariat). Arguments are checked before any query runs.
 */
export async function leaderMemberPage(
  loaders: Loaders,
  organisationId: string,
  first: number,
  after: string | null | undefined,
): Promise<LeaderMemberConnection | null> {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new PageSizeExceededError(first, MAX_PAGE_SIZE);
  }
  const afterId = after == null ? null : decodeCursor(after);
  const register = await loaders.register.load(organisationId);
  if (!register) return null;
  const rows = first === 0 ? [] : await loaders.leaderMemberPage.load({ organisationId, afterId, limit: first + 1 });
  const page = rows.slice(0, first);
  const edges = page.map((row) => ({ cursor: encodeCursor(row.id), node: toLeaderMember(row) }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: register.leaderMemberCount,
  };
}
