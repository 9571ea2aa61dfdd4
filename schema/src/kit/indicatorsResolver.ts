import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { OrganisationIndicators, type OrganisationClass, type OrganisationFields } from '../contract';
import type { SubgraphContext } from './context';
import { organisationIndicators } from './indicatorsService';

/** `indicators` on the subgraph's own organisation type: every kit-built union serves them alike. */
export function createIndicatorsResolver(OrganisationType: OrganisationClass) {
  @Resolver(() => OrganisationType)
  class IndicatorsResolver {
    @FieldResolver(() => OrganisationIndicators, {
      description: 'Shared indicators for dashboards, computed live by the subgraph that serves the organisation.',
    })
    indicators(@Root() org: OrganisationFields, @Ctx() ctx: SubgraphContext): Promise<OrganisationIndicators> {
      return organisationIndicators(ctx.loaders, org, ctx.suppressionThreshold);
    }
  }
  return IndicatorsResolver;
}
