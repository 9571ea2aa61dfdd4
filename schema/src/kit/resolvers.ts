import { Arg, Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import {
  Branch, Council, CouncilMember, Forum, LeaderMemberConnection, Personal, PersonalDataAccessConnection, RegisterBreakdown,
  RegisterDimension, RegisterStats, Section, SourcePassageConnection, type OrganisationClass, type OrganisationFields,
} from '../contract';
import {
  SOURCE_SEARCH_DEFAULT_PAGE, SOURCE_SEARCH_MAX_PAGE, SOURCE_SEARCH_MAX_WORDS, SOURCE_SEARCH_TEXT_MAX, SOURCE_SEARCH_TEXT_MIN, sourceSearch,
} from '../search/sourceSearch';
import { SourceSearchArgs } from '../search/sourceSearchArgs';
import type { SubgraphContext } from './context';
import { toBranch, toCouncil, toCouncilMember, toForum, toSection } from './mapper';
import { personalDataAccessLog, registerBreakdown } from './privacyService';
import {
  DEFAULT_PAGE_SIZE, leaderMemberPage, leaderMemberSearch, MAX_PAGE_SIZE, registerStats, type RegisterStatsSource,
} from './registerService';
import { SEARCH_TEXT_MAX, SEARCH_TEXT_MIN } from './memberSearch';

/** The contract's relations of an organisation, for the subgraph's own organisation type. */
export function createOrganisationResolver(OrganisationType: OrganisationClass) {
  @Resolver(() => OrganisationType)
  class OrganisationResolver {
    @FieldResolver(() => [Council], { description: 'Governing bodies the sources describe.' })
    async councils(@Root() org: OrganisationFields, @Ctx() ctx: SubgraphContext): Promise<Council[]> {
      return (await ctx.loaders.councils.load(org.id)).map(toCouncil);
    }

    @FieldResolver(() => [Forum], { description: 'Forums, networks and programmes the sources describe.' })
    async forums(@Root() org: OrganisationFields, @Ctx() ctx: SubgraphContext): Promise<Forum[]> {
      return (await ctx.loaders.forums.load(org.id)).map(toForum);
    }

    @FieldResolver(() => [Branch], { description: 'Branches the sources name; see branchCounts for counted ones.' })
    async branches(@Root() org: OrganisationFields, @Ctx() ctx: SubgraphContext): Promise<Branch[]> {
      return (await ctx.loaders.branches.load(org.id)).map(toBranch);
    }

    @FieldResolver(() => [Section], { description: 'Occupational or leader sections the sources name.' })
    async sections(@Root() org: OrganisationFields, @Ctx() ctx: SubgraphContext): Promise<Section[]> {
      return (await ctx.loaders.sections.load(org.id)).map(toSection);
    }

    @FieldResolver(() => RegisterStats, {
      nullable: true,
      description: "Live counts from the organisation's own register; null for organisations without one.",
    })
    register(@Root() org: OrganisationFields, @Ctx() ctx: SubgraphContext): Promise<RegisterStats | null> {
      return registerStats(ctx, org.id);
    }

    @FieldResolver(() => LeaderMemberConnection, {
      nullable: true,
      description: `Leader members by id, keyset-paginated (at most ${MAX_PAGE_SIZE} a page). Null without a register.`,
    })
    @Personal()
    leaderMembers(
      @Root() org: OrganisationFields,
      @Ctx() ctx: SubgraphContext,
      // type-graphql lists arguments last parameter first; this order prints (first, after).
      @Arg('after', () => String, { nullable: true }) after: string | null | undefined,
      @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE }) first: number | null,
    ): Promise<LeaderMemberConnection | null> {
      return leaderMemberPage(ctx, org.id, first ?? DEFAULT_PAGE_SIZE, after);
    }

    @FieldResolver(() => LeaderMemberConnection, {
      nullable: true,
      description:
        'Leader members whose family name, given name or "given family" starts with `text` (case-insensitive, ' +
        `${SEARCH_TEXT_MIN} to ${SEARCH_TEXT_MAX} characters), by id, keyset-paginated as leaderMembers; ` +
        'totalCount counts the matches. Its own union staff only; every read is audited. Null without a register.',
    })
    @Personal()
    leaderMemberSearch(
      @Root() org: OrganisationFields,
      @Ctx() ctx: SubgraphContext,
      // Last parameter first, as above: this order prints (text, first, after).
      @Arg('after', () => String, { nullable: true }) after: string | null | undefined,
      @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE }) first: number | null,
      @Arg('text', () => String) text: string,
    ): Promise<LeaderMemberConnection | null> {
      return leaderMemberSearch(ctx, org.id, text, first ?? DEFAULT_PAGE_SIZE, after);
    }

    @FieldResolver(() => SourcePassageConnection, {
      description:
        "The organisation's passages of the sources that match `text` (" + `${SOURCE_SEARCH_TEXT_MIN} to ${SOURCE_SEARCH_TEXT_MAX} ` +
        `characters, at most ${SOURCE_SEARCH_MAX_WORDS} words): every quote, searched in its own language (Norwegian, ` +
        "Swedish, Danish stems), and the curator's " +
        'English renderings beside them, in English. Every word must match: the same stem, the start of a word, or a ' +
        `near spelling. Best first, at most ${SOURCE_SEARCH_MAX_PAGE} a page; scores rank within this organisation only. ` +
        'Public: the passages are published sources.',
    })
    sourceSearch(
      @Root() org: OrganisationFields,
      @Ctx() ctx: SubgraphContext,
      @Args() { text, first, after }: SourceSearchArgs,
    ): Promise<SourcePassageConnection> {
      return sourceSearch(ctx.loaders.passages, org.id, text, first ?? SOURCE_SEARCH_DEFAULT_PAGE, after);
    }

    @FieldResolver(() => PersonalDataAccessConnection, {
      nullable: true,
      description: "Who read this organisation's personal data, when, and what; newest first. Its own union staff only.",
    })
    @Personal()
    personalDataAccessLog(
      @Root() org: OrganisationFields,
      @Ctx() ctx: SubgraphContext,
      @Arg('after', () => String, { nullable: true }) after: string | null | undefined,
      @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE }) first: number | null,
    ): Promise<PersonalDataAccessConnection> {
      return personalDataAccessLog(ctx, org.id, first ?? DEFAULT_PAGE_SIZE, after);
    }
  }
  return OrganisationResolver;
}

@Resolver(() => RegisterStats)
export class RegisterStatsResolver {
  @FieldResolver(() => RegisterBreakdown, { description: 'Leader members counted by one dimension, small counts suppressed.' })
  breakdown(
    @Root() stats: RegisterStatsSource,
    @Ctx() ctx: SubgraphContext,
    @Arg('by', () => RegisterDimension) by: RegisterDimension,
  ): Promise<RegisterBreakdown> {
    return registerBreakdown(ctx, stats.organisationId, by);
  }
}

@Resolver(() => Council)
export class CouncilResolver {
  @FieldResolver(() => [CouncilMember])
  async members(@Root() council: Council, @Ctx() ctx: SubgraphContext): Promise<CouncilMember[]> {
    return (await ctx.loaders.councilMembers.load(council.id)).map(toCouncilMember);
  }
}
