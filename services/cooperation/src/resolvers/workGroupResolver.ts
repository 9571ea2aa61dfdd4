import { historyOf } from '../domain/auditTrail';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { toDecision, toMeeting, toMeetingRhythm, toOrganisationRef, toParticipation, toTopic } from '../mapper';
import { AuditEvent } from '../types/audit';
import { Decision } from '../types/decision';
import { Meeting } from '../types/meeting';
import { OrganisationRef } from '../types/organisation';
import { MeetingRhythm, Participation, Topic, WorkGroup } from '../types/workGroup';
import type { CooperationContext } from '../loaders';

@Resolver(() => WorkGroup)
export class WorkGroupResolver {
  @FieldResolver(() => OrganisationRef, { nullable: true, description: 'The organisation that runs the secretariat.' })
  secretariat(@Root() group: WorkGroup): OrganisationRef | null {
    return group.secretariatId ? toOrganisationRef(group.secretariatId) : null;
  }

  @FieldResolver(() => OrganisationRef, { nullable: true, description: 'The organisation that supports the secretariat.' })
  supportedBy(@Root() group: WorkGroup): OrganisationRef | null {
    return group.supportedById ? toOrganisationRef(group.supportedById) : null;
  }

  @FieldResolver(() => [OrganisationRef], {
    nullable: 'items',
    description: "Every participating organisation, resolved by its own subgraph (live figures); null where that subgraph is down.",
  })
  async participants(@Root() group: WorkGroup, @Ctx() ctx: CooperationContext): Promise<OrganisationRef[]> {
    return (await ctx.loaders.participants.load(group.id)).map((row) => toOrganisationRef(row.organisationId));
  }

  @FieldResolver(() => [Participation], { description: 'Participants with their role and the basis of their listing.' })
  async participations(@Root() group: WorkGroup, @Ctx() ctx: CooperationContext): Promise<Participation[]> {
    return (await ctx.loaders.participants.load(group.id)).map(toParticipation);
  }

  @FieldResolver(() => [Topic])
  async topics(@Root() group: WorkGroup, @Ctx() ctx: CooperationContext): Promise<Topic[]> {
    return (await ctx.loaders.topics.load(group.id)).map(toTopic);
  }

  @FieldResolver(() => [MeetingRhythm])
  async meetingRhythm(@Root() group: WorkGroup, @Ctx() ctx: CooperationContext): Promise<MeetingRhythm[]> {
    return (await ctx.loaders.meetingRhythm.load(group.id)).map(toMeetingRhythm);
  }

  @FieldResolver(() => [Meeting], { description: 'Scheduled and held meetings, by date.' })
  async meetings(@Root() group: WorkGroup, @Ctx() ctx: CooperationContext): Promise<Meeting[]> {
    return (await ctx.loaders.meetings.load(group.id)).map(toMeeting);
  }

  @FieldResolver(() => [Decision])
  async decisions(@Root() group: WorkGroup, @Ctx() ctx: CooperationContext): Promise<Decision[]> {
    return (await ctx.loaders.decisionsOfWorkGroup.load(group.id)).map(toDecision);
  }

  @FieldResolver(() => [AuditEvent], { description: 'Every change to the work group, oldest first.' })
  async history(@Root() group: WorkGroup, @Ctx() ctx: CooperationContext): Promise<AuditEvent[]> {
    return historyOf(ctx, group.id);
  }
}
