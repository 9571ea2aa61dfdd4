import type { OrganisationFields, OrganisationIndicators } from '@nlf/contract';
import type { Loaders } from './loaders';
import { publicSize } from '../privacy/suppress';

/**
 * One organisation's indicators from the batched loaders (one query per kind for all organisations
 * of a request, as for councils and forums themselves). Reported figures are passed on untouched.
 */
export async function organisationIndicators(loaders: Loaders, org: OrganisationFields, threshold: number): Promise<OrganisationIndicators> {
  const [councils, forums, register] = await Promise.all([
    loaders.councils.load(org.id),
    loaders.forums.load(org.id),
    loaders.register.load(org.id),
  ]);
  const size = register ? publicSize(register.leaderMemberCount, threshold) : null;
  return {
    leaderMemberCount: org.leaderMemberCount,
    memberCount: org.memberCount,
    reported: org.leaderMemberCount !== null,
    // The register's size by the breakdowns' rule (publicSize).
    registerLeaderMemberCount: size?.exact ?? null,
    registerLeaderMemberCountFewerThan: size?.fewerThan ?? null,
    registerSynthetic: register ? register.synthetic : null,
    councilCount: councils.length,
    forumCount: forums.length,
    computedAt: new Date(),
  };
}
