import { readableEvents } from '../domain/auditTrail';
import type { SubgraphContext } from '@nlf/schema';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { loadersOf } from '../loaders';
import { toAgendaItem, toAuditEvent, toOrganisationRef, toTopic, toWorkGroup } from '../mapper';
import { AuditEvent } from '../types/audit';
import { AgendaItem, Meeting } from '../types/meeting';
import { OrganisationRef } from '../types/organisation';
import { Topic, WorkGroup } from '../types/workGroup';

@Resolver(() => Meeting)
export class MeetingResolver {
  @FieldResolver(() => WorkGroup)
  async workGroup(@Root() meeting: Meeting, @Ctx() ctx: SubgraphContext): Promise<WorkGroup> {
    return toWorkGroup((await loadersOf(ctx).workGroup.load(meeting.workGroupId))!);
  }

  @FieldResolver(() => [OrganisationRef], { nullable: 'items', description: 'Organisations expected at, or recorded as attending, the meeting.' })
  async participants(@Root() meeting: Meeting, @Ctx() ctx: SubgraphContext): Promise<OrganisationRef[]> {
    return (await loadersOf(ctx).meetingParticipants.load(meeting.id)).map((row) => toOrganisationRef(row.organisationId));
  }

  @FieldResolver(() => [AgendaItem])
  async agenda(@Root() meeting: Meeting, @Ctx() ctx: SubgraphContext): Promise<AgendaItem[]> {
    return (await loadersOf(ctx).agenda.load(meeting.id)).map(toAgendaItem);
  }

  @FieldResolver(() => [AuditEvent], { description: 'Every change to the meeting, oldest first.' })
  async history(@Root() meeting: Meeting, @Ctx() ctx: SubgraphContext): Promise<AuditEvent[]> {
    return (await readableEvents(ctx, 'history', await loadersOf(ctx).history.load(meeting.id))).map(toAuditEvent);
  }
}

@Resolver(() => AgendaItem)
export class AgendaItemResolver {
  @FieldResolver(() => Topic, { nullable: true })
  async topic(@Root() item: AgendaItem, @Ctx() ctx: SubgraphContext): Promise<Topic | null> {
    const row = item.topicId ? await loadersOf(ctx).topic.load(item.topicId) : null;
    return row ? toTopic(row) : null;
  }
}
