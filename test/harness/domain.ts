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

/** Every organisation as the project's copies of organisations.json hold it. */
export function domainOrganisations(): DomainOrganisation[] {
  return ['lederne', 'utdanningsforbundet', 'fagforbundet', 'ledarna', 'lo'].flatMap(
    (service) =>
      (JSON.parse(readFileSync(join(REPO_ROOT, 'services', service, 'data', 'organisations.json'), 'utf8')) as {
        organisations: DomainOrganisation[];
      }).organisations,
  );
}
