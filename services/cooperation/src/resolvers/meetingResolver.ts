import { historyOf } from '../domain/auditTrail';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { toAgendaItem, toOrganisationRef, toTopic, toWorkGroup } from '../mapper';
import { AuditEvent } from '../types/audit';
import { AgendaItem, Meeting } from '../types/meeting';
import { OrganisationRef } from '../types/organisation';
import { Topic, WorkGroup } from '../types/workGroup';
import type { CooperationContext } from '../loaders';

@Resolver(() => Meeting)
export class MeetingResolver {
  @FieldResolver(() => WorkGroup)
  async workGroup(@Root() meeting: Meeting, @Ctx() ctx: CooperationContext): Promise<WorkGroup> {
    return toWorkGroup((await ctx.loaders.workGroup.load(meeting.workGroupId))!);
  }

  @FieldResolver(() => [OrganisationRef], { nullable: 'items', description: 'Organisations expected at, or recorded as attending, the meeting.' })
  async participants(@Root() meeting: Meeting, @Ctx() ctx: CooperationContext): Promise<OrganisationRef[]> {
    return (await ctx.loaders.meetingParticipants.load(meeting.id)).map((row) => toOrganisationRef(row.organisationId));
  }

  @FieldResolver(() => [AgendaItem])
  async agenda(@Root() meeting: Meeting, @Ctx() ctx: CooperationContext): Promise<AgendaItem[]> {
    return (await ctx.loaders.agenda.load(meeting.id)).map(toAgendaItem);
  }

  @FieldResolver(() => [AuditEvent], { description: 'Every change to the meeting, oldest first.' })
  async history(@Root() meeting: Meeting, @Ctx() ctx: CooperationContext): Promise<AuditEvent[]> {
    return historyOf(ctx, meeting.id);
  }
}

@Resolver(() => AgendaItem)
export class AgendaItemResolver {
  @FieldResolver(() => Topic, { nullable: true })
  async topic(@Root() item: AgendaItem, @Ctx() ctx: CooperationContext): Promise<Topic | null> {
    const row = item.topicId ? await ctx.loaders.topic.load(item.topicId) : null;
    return row ? toTopic(row) : null;
  }
}
