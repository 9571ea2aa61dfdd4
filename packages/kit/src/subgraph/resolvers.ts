import { contractResolvers, type ContractRelations, type OrganisationClass, type OrganisationFields } from '@nlf/contract';
import { sourceSearch } from '../search/sourceSearch';
import type { SubgraphContext } from './context';
import { organisationIndicators } from './indicatorsService';
import { toBranch, toCouncil, toCouncilMember, toForum, toOrganisation, toSection } from './mapper';
import { personalDataAccessLog, registerBreakdown } from './privacyService';
import { leaderMemberPage, leaderMemberSearch, registerStats, type RegisterStatsSource } from './registerService';

/**
 * How the kit answers the contract's relations: loaders batch the reads of a request, the mappers turn
 * rows into contract types, and the services hold the rules (who may read what, what is suppressed).
 */
export const kitRelations: ContractRelations<SubgraphContext, RegisterStatsSource> = {
  councils: async (org, ctx) => (await ctx.loaders.councils.load(org.id)).map(toCouncil),
  forums: async (org, ctx) => (await ctx.loaders.forums.load(org.id)).map(toForum),
  branches: async (org, ctx) => (await ctx.loaders.branches.load(org.id)).map(toBranch),
  sections: async (org, ctx) => (await ctx.loaders.sections.load(org.id)).map(toSection),
  register: (org, ctx) => registerStats(ctx, org.id),
  leaderMembers: (org, ctx, { first, after }) => leaderMemberPage(ctx, org.id, first, after),
  leaderMemberSearch: (org, ctx, { text, first, after }) => leaderMemberSearch(ctx, org.id, text, first, after),
  sourceSearch: (org, ctx, { text, first, after }) => sourceSearch(ctx.loaders.passages, org.id, text, first, after),
  personalDataAccessLog: (org, ctx, { first, after }) => personalDataAccessLog(ctx, org.id, first, after),
  indicators: (org, ctx) => organisationIndicators(ctx.loaders, org, ctx.suppressionThreshold),
  registerBreakdown: (stats, ctx, by) => registerBreakdown(ctx, stats.organisationId, by),
  councilMembers: async (council, ctx) => (await ctx.loaders.councilMembers.load(council.id)).map(toCouncilMember),
};

/** An organisation by id as the contract's fields, or null for an id this database does not hold (batched per request). */
export async function loadOrganisation(ctx: SubgraphContext, id: string): Promise<OrganisationFields | null> {
  const row = await ctx.loaders.organisation.load(id);
  return row ? toOrganisation(row) : null;
}

/** The contract's resolvers of a kit subgraph's organisation type. */
export const kitResolvers = (OrganisationType: OrganisationClass): Function[] => contractResolvers(OrganisationType, kitRelations);
