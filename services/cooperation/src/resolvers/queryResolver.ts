import type { FilterQuery } from '@mikro-orm/core';
import { MAX_PAGE_SIZE } from '@nlf/contract';
import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { AUDIT_TRAIL_DEFAULT_PAGE, auditTrailPage } from '../domain/auditTrail';
import { DecisionEntity, MeetingEntity, WorkGroupEntity, type DecisionRow } from '../entities';
import { toDecision, toMeeting, toWorkGroup } from '../mapper';
import { AuditEventConnection } from '../types/audit';
import { Decision } from '../types/decision';
import { DecisionStatus } from '../types/enums';
import { Meeting } from '../types/meeting';
import { WorkGroup } from '../types/workGroup';
import type { CooperationContext } from '../loaders';

@Resolver()
export class CooperationQueryResolver {
  @Query(() => [WorkGroup], { description: 'Every joint work group, by name.' })
  async workGroups(@Ctx() ctx: CooperationContext): Promise<WorkGroup[]> {
    return (await ctx.em.find(WorkGroupEntity, {}, { orderBy: { name: 'asc' }, disableIdentityMap: true })).map(toWorkGroup);
  }

  @Query(() => WorkGroup, { nullable: true })
  async workGroup(@Arg('id', () => ID) id: string, @Ctx() ctx: CooperationContext): Promise<WorkGroup | null> {
    const row = await ctx.em.findOne(WorkGroupEntity, { id }, { disableIdentityMap: true });
    return row ? toWorkGroup(row) : null;
  }

  @Query(() => Meeting, { nullable: true })
  async meeting(@Arg('id', () => ID) id: string, @Ctx() ctx: CooperationContext): Promise<Meeting | null> {
    const row = await ctx.em.findOne(MeetingEntity, { id }, { disableIdentityMap: true });
    return row ? toMeeting(row) : null;
  }

  @Query(() => Decision, { nullable: true })
  async decision(@Arg('id', () => ID) id: string, @Ctx() ctx: CooperationContext): Promise<Decision | null> {
    const row = await ctx.em.findOne(DecisionEntity, { id }, { disableIdentityMap: true });
    return row ? toDecision(row) : null;
  }

  @Query(() => [Decision], { description: 'Decisions and initiatives, by organisation, congress and motion.' })
  async decisions(
    @Ctx() ctx: CooperationContext,
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

  @Query(() => AuditEventConnection, {
    description: `Every change, newest first, at most ${MAX_PAGE_SIZE} a page; entityId narrows it to one item. Any authenticated caller.`,
  })
  auditTrail(
    @Ctx() ctx: CooperationContext,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: AUDIT_TRAIL_DEFAULT_PAGE }) first: number | null,
    @Arg('entityId', () => ID, { nullable: true }) entityId: string | null,
  ): Promise<AuditEventConnection> {
    return auditTrailPage(ctx, { entityId, first: first ?? AUDIT_TRAIL_DEFAULT_PAGE, after });
  }
}
