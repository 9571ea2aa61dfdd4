import type { SubgraphContext } from '@nlf/schema';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { actorOf } from '../domain/actor';
import { assertCanRunWorkGroups, assertCanWriteDecision } from '../domain/permissions';
import { DecisionEntity } from '../entities/decision';
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

export interface CooperationServices {
  workGroups: WorkGroups;
  meetings: Meetings;
  decisions: Decisions;
}

/** Every mutation: the domain services validate, write in one transaction and keep the audit trail. */
export function createMutationResolver(services: CooperationServices) {
  @Resolver()
  class CooperationMutationResolver {
    @Mutation(() => WorkGroup, { description: 'The secretariat organisation becomes its first participant.' })
    async createWorkGroup(@Arg('input') input: CreateWorkGroupInput, @Ctx() ctx: SubgraphContext): Promise<WorkGroup> {
      assertCanRunWorkGroups(ctx.viewer, 'createWorkGroup', input.secretariatId);
      return toWorkGroup(await services.workGroups.create(ctx.em, actorOf(ctx), input));
    }

    @Mutation(() => WorkGroup, { description: 'VERSION_CONFLICT when the work group changed since expectedVersion.' })
    async updateWorkGroup(@Arg('input') input: UpdateWorkGroupInput, @Ctx() ctx: SubgraphContext): Promise<WorkGroup> {
      assertCanRunWorkGroups(ctx.viewer, 'updateWorkGroup');
      return toWorkGroup(await services.workGroups.update(ctx.em, actorOf(ctx), input));
    }

    @Mutation(() => WorkGroup)
    async addParticipant(@Arg('input') input: ParticipantInput, @Ctx() ctx: SubgraphContext): Promise<WorkGroup> {
      assertCanRunWorkGroups(ctx.viewer, 'addParticipant');
      return toWorkGroup(await services.workGroups.addParticipant(ctx.em, actorOf(ctx), input));
    }

    @Mutation(() => WorkGroup, { description: 'The secretariat cannot leave (SECRETARIAT_REQUIRED).' })
    async removeParticipant(@Arg('input') input: ParticipantInput, @Ctx() ctx: SubgraphContext): Promise<WorkGroup> {
      assertCanRunWorkGroups(ctx.viewer, 'removeParticipant');
      return toWorkGroup(await services.workGroups.removeParticipant(ctx.em, actorOf(ctx), input));
    }

    @Mutation(() => Meeting)
    async scheduleMeeting(@Arg('input') input: ScheduleMeetingInput, @Ctx() ctx: SubgraphContext): Promise<Meeting> {
      assertCanRunWorkGroups(ctx.viewer, 'scheduleMeeting');
      return toMeeting(await services.meetings.schedule(ctx.em, actorOf(ctx), input));
    }

    @Mutation(() => Meeting, { description: 'Sets the minutes and marks the meeting HELD.' })
    async recordMeeting(@Arg('input') input: RecordMeetingInput, @Ctx() ctx: SubgraphContext): Promise<Meeting> {
      assertCanRunWorkGroups(ctx.viewer, 'recordMeeting');
      return toMeeting(await services.meetings.record(ctx.em, actorOf(ctx), input));
    }

    @Mutation(() => Meeting)
    async addAgendaItem(@Arg('input') input: AddAgendaItemInput, @Ctx() ctx: SubgraphContext): Promise<Meeting> {
      assertCanRunWorkGroups(ctx.viewer, 'addAgendaItem');
      return toMeeting(await services.meetings.addAgendaItem(ctx.em, actorOf(ctx), input));
    }

    @Mutation(() => Decision, { description: 'A new decision starts PROPOSED.' })
    async createDecision(@Arg('input') input: CreateDecisionInput, @Ctx() ctx: SubgraphContext): Promise<Decision> {
      assertCanWriteDecision(ctx.viewer, 'createDecision', input.organisationId);
      return toDecision(await services.decisions.create(ctx.em, actorOf(ctx), input));
    }

    @Mutation(() => Decision, { description: 'One step along PROPOSED → IN_PROGRESS → DONE (see DecisionStatus).' })
    async changeDecisionStatus(@Arg('input') input: ChangeDecisionStatusInput, @Ctx() ctx: SubgraphContext): Promise<Decision> {
      const decision = await ctx.em.findOne(DecisionEntity, { id: input.decisionId });
      // An unknown decision is the service's NOT_FOUND; permission is checked against a real one.
      if (decision) assertCanWriteDecision(ctx.viewer, 'changeDecisionStatus', decision.organisationId);
      return toDecision(await services.decisions.changeStatus(ctx.em, actorOf(ctx), input));
    }
  }
  return CooperationMutationResolver;
}
