import { buildFederatedSchema, type FederatedSchema } from '@nlf/kit';
import { Decisions } from './domain/decisions';
import { Meetings } from './domain/meetings';
import { WorkGroups } from './domain/workGroups';
import { DecisionResolver } from './resolvers/decisionResolver';
import { AgendaItemResolver, MeetingResolver } from './resolvers/meetingResolver';
import { createMutationResolver } from './resolvers/mutationResolver';
import { OrganisationResolver } from './resolvers/organisationResolver';
import { CooperationQueryResolver } from './resolvers/queryResolver';
import { WorkGroupResolver } from './resolvers/workGroupResolver';

/** The cooperation subgraph's schema; `organisations` are the ids a mutation may name. */
export function buildCooperationSchema(organisations: ReadonlySet<string>): Promise<FederatedSchema> {
  const services = {
    workGroups: new WorkGroups(organisations),
    meetings: new Meetings(organisations),
    decisions: new Decisions(organisations),
  };
  return buildFederatedSchema({
    resolvers: [
      CooperationQueryResolver,
      createMutationResolver(services),
      OrganisationResolver,
      WorkGroupResolver,
      MeetingResolver,
      AgendaItemResolver,
      DecisionResolver,
    ],
  });
}
