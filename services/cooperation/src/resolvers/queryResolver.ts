import { assertCanReadTrail, readableEvents } from '../domain/auditTrail';
import type { FilterQuery } from '@mikro-orm/core';
import { decodeCursor, encodeCursor, MAX_PAGE_SIZE, PageSizeExceededError, type SubgraphContext } from '@nlf/schema';
import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { AuditEventEntity, DecisionEntity, MeetingEntity, WorkGroupEntity, type AuditEventRow, type DecisionRow } from '../entities';
import { toAuditEvent, toDecision, toMeeting, toWorkGroup } from '../mapper';
import { AuditTrail } from '../types/audit';
import { Decision } from '../types/decision';
import { DecisionStatus } from '../types/enums';
import { Meeting } from '../types/meeting';
import { WorkGroup } from '../types/workGroup';

const DEFAULT_AUDIT_PAGE = 50;

@Resolver()
export class CooperationQueryResolver {
  @Query(() => [WorkGroup], { description: 'Every joint work group, by name.' })
  async workGroups(@Ctx() ctx: SubgraphContext): Promise<WorkGroup[]> {
    return (await ctx.em.find(WorkGroupEntity, {}, { orderBy: { name: 'asc' }, disableIdentityMap: true })).map(toWorkGroup);
  }

  @Query(() => WorkGroup, { nullable: true })
  async workGroup(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<WorkGroup | null> {
    const row = await ctx.em.findOne(WorkGroupEntity, { id }, { disableIdentityMap: true });
    return row ? toWorkGroup(row) : null;
  }

  @Query(() => Meeting, { nullable: true })
  async meeting(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<Meeting | null> {
    const row = await ctx.em.findOne(MeetingEntity, { id }, { disableIdentityMap: true });
    return row ? toMeeting(row) : null;
  }

  @Query(() => Decision, { nullable: true })
  async decision(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<Decision | null> {
    const row = await ctx.em.findOne(DecisionEntity, { id }, { disableIdentityMap: true });
    return row ? toDecision(row) : null;
  }

  @Query(() => [Decision], { description: 'Decisions and initiatives, by organisation, congress and motion.' })
  async decisions(
    @Ctx() ctx: SubgraphContext,
    @Arg('status', () => DecisionStatus, { nullable: true }) status: DecisionStatus | null,
    @Arg('organisationId', () => ID, { nullable: true }) organisationId: string | null,
  ): Promise<Decision[]> {
    const where: FilterQuery<DecisionRow> = {
      ...(organisationId ? { organisationId } : {}),
      ...(status ? { status } : {}),
    };
    const rows = await ctx.em.find(DecisionEntity, where, {
      orderBy: { organisationId: 'asc', congress: 'asc', motionNumber: 'asc', createdAt: 'asc' },
      disableIdentityMap: true,
    });
    return rows.map(toDecision);
  }

  @Query(() => AuditTrail, { description: `Every change, newest first, at most ${MAX_PAGE_SIZE} a page; entityId narrows it to one item.` })
  async auditTrail(
    @Ctx() ctx: SubgraphContext,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_AUDIT_PAGE }) first: number | null,
    @Arg('entityId', () => ID, { nullable: true }) entityId: string | null,
  ): Promise<AuditTrail> {
    assertCanReadTrail(ctx.viewer, 'auditTrail');
    const size = first ?? DEFAULT_AUDIT_PAGE;
    if (size < 0 || size > MAX_PAGE_SIZE) throw new PageSizeExceededError(size, MAX_PAGE_SIZE);
    const before = after ? decodeCursor(after) : null;
    const where: FilterQuery<AuditEventRow> = {
      ...(entityId ? { entityId } : {}),
      ...(before ? { id: { $lt: before } } : {}),
    };
    const rows = await ctx.em.find(AuditEventEntity, where, { orderBy: { id: 'desc' }, limit: size + 1, disableIdentityMap: true });
    const page = rows.slice(0, size);
    return { events: (await readableEvents(ctx, 'auditTrail', page)).map(toAuditEvent), endCursor: rows.length > size && page.length ? encodeCursor(String(page.at(-1)!.id)) : null };
  }
}
