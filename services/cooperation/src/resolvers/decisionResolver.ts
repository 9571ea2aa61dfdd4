import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { historyOf, statusHistoryOf } from '../domain/auditTrail';
import { allowedNextStatuses } from '../domain/statusOrder';
import type { DecisionStatusValue } from '../entities';
import { toOrganisationRef, toWorkGroup } from '../mapper';
import { AuditEvent } from '../types/audit';
import { Decision, DecisionStatusChange } from '../types/decision';
import { DecisionStatus } from '../types/enums';
import { OrganisationRef } from '../types/organisation';
import { WorkGroup } from '../types/workGroup';
import type { CooperationContext } from '../loaders';

@Resolver(() => Decision)
export class DecisionResolver {
  @FieldResolver(() => OrganisationRef, { nullable: true, description: 'The organisation responsible; null when its subgraph is down.' })
  organisation(@Root() decision: Decision): OrganisationRef {
    return toOrganisationRef(decision.organisationId);
  }

  @FieldResolver(() => WorkGroup, { nullable: true })
  async workGroup(@Root() decision: Decision, @Ctx() ctx: CooperationContext): Promise<WorkGroup | null> {
    const row = decision.workGroupId ? await ctx.loaders.workGroup.load(decision.workGroupId) : null;
    return row ? toWorkGroup(row) : null;
  }

  @FieldResolver(() => [DecisionStatus], { description: 'The statuses changeDecisionStatus accepts next.' })
  nextStatuses(@Root() decision: Decision): DecisionStatus[] {
    return allowedNextStatuses(decision.status as DecisionStatusValue) as DecisionStatus[];
  }

  @FieldResolver(() => [DecisionStatusChange], { description: 'Every status it has had, oldest first.' })
  async statusHistory(@Root() decision: Decision, @Ctx() ctx: CooperationContext): Promise<DecisionStatusChange[]> {
    return statusHistoryOf(ctx, decision);
  }

  @FieldResolver(() => [AuditEvent], { description: 'Every change to the decision, oldest first.' })
  async history(@Root() decision: Decision, @Ctx() ctx: CooperationContext): Promise<AuditEvent[]> {
    return historyOf(ctx, decision.id);
  }
}
