import { Arg, Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Council, CouncilMember } from './council';
import { Forum } from './forum';
import { Branch, Section } from './branch';
import { OrganisationIndicators } from './indicators';
import type { OrganisationClass, OrganisationFields } from './organisation';
import { SourcePassageConnection } from './passage';
import { RegisterDimension } from './enums';
import { Personal } from './personal';
import { PersonalDataAccessConnection, RegisterBreakdown } from './privacy';
import { LeaderMemberConnection, RegisterStats } from './register';
import {
  DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, SEARCH_TEXT_MAX, SEARCH_TEXT_MIN, SOURCE_SEARCH_DEFAULT_PAGE, SOURCE_SEARCH_MAX_PAGE,
  SOURCE_SEARCH_MAX_WORDS, SOURCE_SEARCH_TEXT_MAX, SOURCE_SEARCH_TEXT_MIN,
} from './limits';
import { SourceSearchArgs } from './sourceSearchArgs';

type Answer<T> = T | Promise<T>;

/**
 * What a subgraph answers for the contract's relations: the contract declares each field once (type,
 * arguments, defaults, description, personal mark) in `contractResolvers`, and a subgraph supplies
 * only these functions. Page sizes arrive with their defaults applied.
 */
export interface ContractRelations<TContext, TStats extends RegisterStats = RegisterStats> {
  councils(org: OrganisationFields, ctx: TContext): Answer<Council[]>;
  forums(org: OrganisationFields, ctx: TContext): Answer<Forum[]>;
  branches(org: OrganisationFields, ctx: TContext): Answer<Branch[]>;
  sections(org: OrganisationFields, ctx: TContext): Answer<Section[]>;
  register(org: OrganisationFields, ctx: TContext): Answer<TStats | null>;
  leaderMembers(org: OrganisationFields, ctx: TContext, page: { first: number; after: string | null | undefined }): Answer<LeaderMemberConnection | null>;
  leaderMemberSearch(
    org: OrganisationFields,
    ctx: TContext,
    page: { text: string; first: number; after: string | null | undefined },
  ): Answer<LeaderMemberConnection | null>;
  sourceSearch(org: OrganisationFields, ctx: TContext, page: { text: string; first: number; after: string | null | undefined }): Answer<SourcePassageConnection>;
  personalDataAccessLog(org: OrganisationFields, ctx: TContext, page: { first: number; after: string | null | undefined }): Answer<PersonalDataAccessConnection>;
  indicators(org: OrganisationFields, ctx: TContext): Answer<OrganisationIndicators>;
  /** `RegisterStats.breakdown`, under the stats `register` answered. */
  registerBreakdown(stats: TStats, ctx: TContext, by: RegisterDimension): Answer<RegisterBreakdown>;
  /** `Council.members`. */
  councilMembers(council: Council, ctx: TContext): Answer<CouncilMember[]>;
}

/**
 * The contract's relation fields as type-graphql resolvers of `OrganisationType` (and of `RegisterStats`
 * and `Council`), answered by `relations`. The contract SDL is printed from these declarations, so a
 * subgraph built with them serves exactly the published fields.
 */
export function contractResolvers<TContext, TStats extends RegisterStats = RegisterStats>(
  OrganisationType: OrganisationClass,
  relations: ContractRelations<TContext, TStats>,
): Function[] {
  @Resolver(() => OrganisationType)
  class OrganisationRelationsResolver {
    @FieldResolver(() => [Council], { description: 'Governing bodies the sources describe.' })
    councils(@Root() org: OrganisationFields, @Ctx() ctx: TContext) {
      return relations.councils(org, ctx);
    }

    @FieldResolver(() => [Forum], { description: 'Forums, networks and programmes the sources describe.' })
    forums(@Root() org: OrganisationFields, @Ctx() ctx: TContext) {
      return relations.forums(org, ctx);
    }

    @FieldResolver(() => [Branch], { description: 'Branches the sources name; see branchCounts for counted ones.' })
    branches(@Root() org: OrganisationFields, @Ctx() ctx: TContext) {
      return relations.branches(org, ctx);
    }

    @FieldResolver(() => [Section], { description: 'Occupational or leader sections the sources name.' })
    sections(@Root() org: OrganisationFields, @Ctx() ctx: TContext) {
      return relations.sections(org, ctx);
    }

    @FieldResolver(() => RegisterStats, {
      nullable: true,
      description: "Live counts from the organisation's own register; null for organisations without one.",
    })
    register(@Root() org: OrganisationFields, @Ctx() ctx: TContext) {
      return relations.register(org, ctx);
    }

    @FieldResolver(() => LeaderMemberConnection, {
      nullable: true,
      description: `Leader members by id, keyset-paginated (at most ${MAX_PAGE_SIZE} a page). Null without a register.`,
    })
    @Personal()
    leaderMembers(
      @Root() org: OrganisationFields,
      @Ctx() ctx: TContext,
      // type-graphql lists arguments last parameter first; this order prints (first, after).
      @Arg('after', () => String, { nullable: true }) after: string | null | undefined,
      @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE }) first: number | null,
    ) {
      return relations.leaderMembers(org, ctx, { first: first ?? DEFAULT_PAGE_SIZE, after });
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
      @Ctx() ctx: TContext,
      // Last parameter first, as above: this order prints (text, first, after).
      @Arg('after', () => String, { nullable: true }) after: string | null | undefined,
      @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE }) first: number | null,
      @Arg('text', () => String) text: string,
    ) {
      return relations.leaderMemberSearch(org, ctx, { text, first: first ?? DEFAULT_PAGE_SIZE, after });
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
    sourceSearch(@Root() org: OrganisationFields, @Ctx() ctx: TContext, @Args() { text, first, after }: SourceSearchArgs) {
      return relations.sourceSearch(org, ctx, { text, first: first ?? SOURCE_SEARCH_DEFAULT_PAGE, after });
    }

    @FieldResolver(() => PersonalDataAccessConnection, {
      nullable: true,
      description: "Who read this organisation's personal data, when, and what; newest first. Its own union staff only.",
    })
    @Personal()
    personalDataAccessLog(
      @Root() org: OrganisationFields,
      @Ctx() ctx: TContext,
      @Arg('after', () => String, { nullable: true }) after: string | null | undefined,
      @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE }) first: number | null,
    ) {
      return relations.personalDataAccessLog(org, ctx, { first: first ?? DEFAULT_PAGE_SIZE, after });
    }

    @FieldResolver(() => OrganisationIndicators, {
      description: 'Shared indicators for dashboards, computed live by the subgraph that serves the organisation.',
    })
    indicators(@Root() org: OrganisationFields, @Ctx() ctx: TContext) {
      return relations.indicators(org, ctx);
    }
  }

  @Resolver(() => RegisterStats)
  class RegisterStatsRelationsResolver {
    @FieldResolver(() => RegisterBreakdown, { description: 'Leader members counted by one dimension, small counts suppressed.' })
    breakdown(@Root() stats: TStats, @Ctx() ctx: TContext, @Arg('by', () => RegisterDimension) by: RegisterDimension) {
      return relations.registerBreakdown(stats, ctx, by);
    }
  }

  @Resolver(() => Council)
  class CouncilRelationsResolver {
    @FieldResolver(() => [CouncilMember])
    members(@Root() council: Council, @Ctx() ctx: TContext) {
      return relations.councilMembers(council, ctx);
    }
  }

  return [CouncilRelationsResolver, RegisterStatsRelationsResolver, OrganisationRelationsResolver];
}
