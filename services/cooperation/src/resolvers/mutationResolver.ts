import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { callerOf } from '../domain/permissions';
import type { Decisions } from '../domain/decisions';
import type { Meetings } from '../domain/meetings';
import type { WorkGroups } from '../domain/workGroups';
import { toDecision, toMeeting, toWorkGroup } from '../mapper';
import { Decision } from '../types/decision';
import {
  AddAgendaItemInput, ChangeDecisionStatusInput, CreateDecisionInput, CreateWorkGroupInput, ParticipantInput, RecordMeetingInput,
  ScheduleMeetingInput, UpdateWorkGroupInput,
} from '../types/inputs';
import { Meeting } from '../types/meeting';
import { WorkGroup } from '../types/workGroup';
import type { CooperationContext } from '../loaders';

export interface CooperationServices {
  workGroups: WorkGroups;
  meetings: Meetings;
  decisions: Decisions;
}

/**
 * Every mutation: the domain services check who may (permissions.ts), validate, write in one
 * transaction and keep the audit trail. The resolvers only pass the caller on.
 */
export function createMutationResolver(services: CooperationServices) {
  @Resolver()
  class CooperationMutationResolver {
    @Mutation(() => WorkGroup, { description: 'The secretariat organisation becomes its first participant.' })
    async createWorkGroup(@Arg('input') input: CreateWorkGroupInput, @Ctx() ctx: CooperationContext): Promise<WorkGroup> {
      return toWorkGroup(await services.workGroups.create(ctx.em, callerOf(ctx.viewer), input));
    }

    @Mutation(() => WorkGroup, { description: 'VERSION_CONFLICT when the work group changed since expectedVersion.' })
    async updateWorkGroup(@Arg('input') input: UpdateWorkGroupInput, @Ctx() ctx: CooperationContext): Promise<WorkGroup> {
      return toWorkGroup(await services.workGroups.update(ctx.em, callerOf(ctx.viewer), input));
    }

    @Mutation(() => WorkGroup)
    async addParticipant(@Arg('input') input: ParticipantInput, @Ctx() ctx: CooperationContext): Promise<WorkGroup> {
      return toWorkGroup(await services.workGroups.addParticipant(ctx.em, callerOf(ctx.viewer), input));
    }

    @Mutation(() => WorkGroup, { description: 'The secretariat cannot leave (SECRETARIAT_REQUIRED).' })
    async removeParticipant(@Arg('input') input: ParticipantInput, @Ctx() ctx: CooperationContext): Promise<WorkGroup> {
      return toWorkGroup(await services.workGroups.removeParticipant(ctx.em, callerOf(ctx.viewer), input));
    }

    @Mutation(() => Meeting)
    async scheduleMeeting(@Arg('input') input: ScheduleMeetingInput, @Ctx() ctx: CooperationContext): Promise<Meeting> {
      return toMeeting(await services.meetings.schedule(ctx.em, callerOf(ctx.viewer), input));
    }

    @Mutation(() => Meeting, { description: 'Sets the minutes and marks the meeting HELD.' })
    async recordMeeting(@Arg('input') input: RecordMeetingInput, @Ctx() ctx: CooperationContext): Promise<Meeting> {
      return toMeeting(await services.meetings.record(ctx.em, callerOf(ctx.viewer), input));
    }

    @Mutation(() => Meeting)
    async addAgendaItem(@Arg('input') input: AddAgendaItemInput, @Ctx() ctx: CooperationContext): Promise<Meeting> {
      return toMeeting(await services.meetings.addAgendaItem(ctx.em, callerOf(ctx.viewer), input));
    }

    @Mutation(() => Decision, { description: 'A new decision starts PROPOSED.' })
    async createDecision(@Arg('input') input: CreateDecisionInput, @Ctx() ctx: CooperationContext): Promise<Decision> {
      return toDecision(await services.decisions.create(ctx.em, callerOf(ctx.viewer), input));
    }

    @Mutation(() => Decision, { description: 'One step along PROPOSED → IN_PROGRESS → DONE (see DecisionStatus).' })
    async changeDecisionStatus(@Arg('input') input: ChangeDecisionStatusInput, @Ctx() ctx: CooperationContext): Promise<Decision> {
      return toDecision(await services.decisions.changeStatus(ctx.em, callerOf(ctx.viewer), input));
    }
  }
  return CooperationMutationResolver;
}
