import type { PersonalDataAccessConnection, RegisterBreakdown, RegisterDimension } from '@nlf/contract';
import { assertCanReadAggregates, assertCanReadPersonalData } from '@nlf/contract';
import { suppressSmallCells } from '../privacy/suppress';
import type { SubgraphContext } from './context';
import { decodeLogCursor, encodeLogCursor } from '@nlf/contract';
import { assertPageSize } from './registerService';
import type { PersonalFieldGuard } from './personalFields';

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
  return { dimension, threshold, total: published.total, cells: published.cells, withheld: published.withheld };
}

/**
 * What the kit does around every read of a field marked personal: only the organisation's own union
 * staff may read it, and each read that returns writes one entry of the organisation's audit log, with
 * the ids of the records returned and the read's arguments (so a count, or a search that found no
 * one, is on the log too).
 */
export const personalDataGuard: PersonalFieldGuard<SubgraphContext> = {
  check: (ctx, organisationId, field) => assertCanReadPersonalData(ctx.viewer, organisationId, field),
  record: async (ctx, read) => {
    await ctx.em.getConnection().execute(
      'insert into personal_data_access (organisation_id, actor, role, field, member_ids, arguments) values (?, ?, ?, ?, ?::jsonb, ?::jsonb)',
      [read.organisationId, ctx.viewer.subject ?? 'anonymous', ctx.viewer.role, read.field, JSON.stringify(read.recordIds), JSON.stringify(read.args)],
    );
  },
};

interface AccessRecord {
  id: string;
  actor: string;
  role: string;
  field: string;
  member_ids: string[];
  arguments: Record<string, unknown>;
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
    `select id::text as id, actor, role, field, member_ids, arguments, accessed_at from personal_data_access
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
      arguments: JSON.stringify(record.arguments),
      accessedAt: new Date(record.accessed_at).toISOString(),
    },
  }));
  return { edges, pageInfo: { hasNextPage: records.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
}
