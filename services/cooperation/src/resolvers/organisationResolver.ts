import type { SubgraphContext } from '@nlf/schema';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { loadersOf } from '../loaders';
import { toDecision, toWorkGroup } from '../mapper';
import { Decision } from '../types/decision';
import { OrganisationRef } from '../types/organisation';
import { WorkGroup } from '../types/workGroup';

/** What the cooperation subgraph adds to every organisation of the federation. */
@Resolver(() => OrganisationRef)
export class OrganisationResolver {
  @FieldResolver(() => [WorkGroup], {
    nullable: true,
    description: 'Joint work groups the organisation takes part in; null (with an error) while the cooperation subgraph is down.',
  })
  async workGroups(@Root() org: OrganisationRef, @Ctx() ctx: SubgraphContext): Promise<WorkGroup[]> {
    return (await loadersOf(ctx).workGroupsOf.load(org.id)).map(toWorkGroup);
  }

  @FieldResolver(() => [Decision], {
    nullable: true,
    description: 'Decisions and initiatives the organisation is responsible for; null while the cooperation subgraph is down.',
  })
  async decisions(@Root() org: OrganisationRef, @Ctx() ctx: SubgraphContext): Promise<Decision[]> {
    return (await loadersOf(ctx).decisionsOf.load(org.id)).map(toDecision);
  }
}
