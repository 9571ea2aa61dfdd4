import type { PersonalDataAccessConnection, RegisterBreakdown, RegisterDimension } from '../contract';
import { assertCanReadAggregates, assertCanReadPersonalData } from '../auth';
import { suppressSmallCells } from '../privacy/suppress';
import type { SubgraphContext } from './context';
import { decodeLogCursor, encodeLogCursor } from './cursor';
import { assertPageSize } from './registerService';

/** A register breakdown, suppressed so that no small count can be seen or worked out. */
export async function registerBreakdown(
  ctx: SubgraphContext,
  organisationId: string,
  dimension: RegisterDimension,
): Promise<RegisterBreakdown> {
  assertCanReadAggregates(ctx.viewer, 'breakdown');
  const cells = await ctx.loaders.breakdown.load({ organisationId, dimension });
  const threshold = ctx.suppressionThreshold;
  const published = suppressSmallCells(cells, threshold);
  return { dimension, threshold, total: published.total, cells: published.cells };
}

/** Writes one entry of the owning union's audit log for a read that returned members' data. */
export async function recordPersonalDataRead(
  ctx: SubgraphContext,
  organisationId: string,
  field: string,
  memberIds: string[],
): Promise<void> {
  if (!memberIds.length) return;
  await ctx.em.getConnection().execute(
    'insert into personal_data_access (organisation_id, actor, role, field, member_ids) values (?, ?, ?, ?, ?::jsonb)',
    [organisationId, ctx.viewer.subject ?? 'anonymous', ctx.viewer.role, field, JSON.stringify(memberIds)],
  );
}

interface AccessRecord {
  id: string;
  actor: string;
  role: string;
  field: string;
  member_ids: string[];
  accessed_at: Date;
}

/** The audit log, newest first; only the organisation's own union staff may read it. */
export async function personalDataAccessLog(
  ctx: SubgraphContext,
  organisationId: string,
  first: number,
  after: string | null | undefined,
): Promise<PersonalDataAccessConnection> {
  assertCanReadPersonalData(ctx.viewer, organisationId, 'personalDataAccessLog');
  assertPageSize(first);
  const before = after == null ? null : decodeLogCursor(after);
  const records: AccessRecord[] = await ctx.em.getConnection().execute(
    `select id::text as id, actor, role, field, member_ids, accessed_at from personal_data_access
     where organisation_id = ? and (?::bigint is null or id < ?::bigint) order by id desc limit ?`,
    [organisationId, before, before, first + 1],
  );
  const page = records.slice(0, first);
  const edges = page.map((record) => ({
    cursor: encodeLogCursor(record.id),
    node: {
      id: record.id,
      actor: record.actor,
      role: record.role,
      field: record.field,
      memberIds: record.member_ids,
      accessedAt: new Date(record.accessed_at).toISOString(),
    },
  }));
  return { edges, pageInfo: { hasNextPage: records.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
}
