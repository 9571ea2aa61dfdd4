import { SOURCE_SEARCH_DEFAULT_PAGE, SOURCE_SEARCH_MAX_PAGE, SourcePassageConnection, SourceSearchArgs } from '@nlf/contract';
import { sourceSearch } from '@nlf/kit';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { toDecision, toWorkGroup } from '../mapper';
import { Decision } from '../types/decision';
import { OrganisationRef } from '../types/organisation';
import { WorkGroup } from '../types/workGroup';
import type { CooperationContext } from '../loaders';

/** What the cooperation subgraph adds to every organisation of the federation. */
@Resolver(() => OrganisationRef)
export class OrganisationResolver {
  @FieldResolver(() => [WorkGroup], {
    nullable: true,
    description: 'Joint work groups the organisation takes part in; null (with an error) while the cooperation subgraph is down.',
  })
  async workGroups(@Root() org: OrganisationRef, @Ctx() ctx: CooperationContext): Promise<WorkGroup[]> {
    return (await ctx.loaders.workGroupsOf.load(org.id)).map(toWorkGroup);
  }

  @FieldResolver(() => [Decision], {
    nullable: true,
    description: 'Decisions and initiatives the organisation is responsible for; null while the cooperation subgraph is down.',
  })
  async decisions(@Root() org: OrganisationRef, @Ctx() ctx: CooperationContext): Promise<Decision[]> {
    return (await ctx.loaders.decisionsOf.load(org.id)).map(toDecision);
  }

  @FieldResolver(() => SourcePassageConnection, {
    nullable: true,
    description:
      "Passages of the joint work about the organisation that match `text`, searched as sourceSearch searches the union's own: " +
      'its decisions (titles and clauses in their language, quotes, the curator\'s English) and, for the organisation whose ' +
      `source describes a work group, the group's purpose, topics and meetings. Best first, at most ${SOURCE_SEARCH_MAX_PAGE} a page. ` +
      'Null (with an error) while the cooperation subgraph is down.',
  })
  cooperationSearch(
    @Root() org: OrganisationRef,
    @Ctx() ctx: CooperationContext,
    @Args() { text, first, after }: SourceSearchArgs,
  ): Promise<SourcePassageConnection> {
    return sourceSearch(ctx.loaders.passages, org.id, text, first ?? SOURCE_SEARCH_DEFAULT_PAGE, after);
  }
}
