import type { OrganisationSeed } from '../domain/planSeed';
import { toBranch, toCouncil, toCouncilMember, toForum, toOrganisation, toSection } from '../subgraph/mapper';
import { collectPassages } from './collectPassages';
import type { PassageRow } from './passageTable';

/**
 * The passages of one organisation as the union subgraph serves it: its fields, councils (with their
 * members), forums, branches and sections, mapped exactly as the API maps them, by their field names.
 */
export function planPassages(seed: OrganisationSeed, languages: Readonly<Record<string, string>>): PassageRow[] {
  const membersOf = (councilId: string) => seed.councilMembers.filter((member) => member.councilId === councilId).map(toCouncilMember);
  const { id, ...fields } = toOrganisation(seed.organisation);
  return collectPassages({
    organisationId: id,
    languageOf: (document) => languages[document] ?? null,
    facts: {
      ...fields,
      councils: seed.councils.map((row) => ({ ...toCouncil(row), members: membersOf(row.id) })),
      forums: seed.forums.map(toForum),
      branches: seed.branches.map(toBranch),
      sections: seed.sections.map(toSection),
    },
  });
}
