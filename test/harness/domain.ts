import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@nlf/stack';

export interface DomainOrganisation {
  id: string;
  name: string;
  kind: string;
  country: string;
  memberCount: { low: number | null; high: number | null; source: { file: string; quote: string } } | null;
  leaderMemberCount: { low: number | null; high: number | null; source: { file: string; quote: string } } | null;
}

/** The subgraphs of the unions (the cooperation subgraph is not one). */
export const UNION_SUBGRAPHS = ['lederne', 'utdanningsforbundet', 'fagforbundet', 'ledarna', 'lo'];

/** Every organisation as the project's copies of organisations.json hold it. */
export function domainOrganisations(): DomainOrganisation[] {
  return UNION_SUBGRAPHS.flatMap(
    (service) =>
      (JSON.parse(readFileSync(join(REPO_ROOT, 'services', service, 'data', 'organisations.json'), 'utf8')) as {
        organisations: DomainOrganisation[];
      }).organisations,
  );
}
