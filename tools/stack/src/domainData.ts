import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FederationConfig } from '@nlf/gateway';

/** The source of truth outside the repo; read only by this tool, never at run time. */
export const SHARED_DOMAIN = join(__dirname, '..', '..', '..', '..', 'shared', 'domain', 'organisations.json');

interface SharedFile {
  meta: Record<string, unknown>;
  organisations: { id: string }[];
}

export interface DataCopy {
  path: string;
  content: string;
}

/**
 * Each service gets the part of organisations.json it serves, so a union's subgraph carries its own
 * data and nothing reads ../shared at run time.
 */
export function domainCopies(repoRoot: string, config: FederationConfig, shared: SharedFile): DataCopy[] {
  const byId = new Map(shared.organisations.map((org) => [org.id, org]));
  const everyOrganisation = config.subgraphs.flatMap((subgraph) => subgraph.organisations);
  // An extension subgraph may refer to any organisation of the federation, so it gets all of them.
  const served = [
    ...config.subgraphs,
    ...(config.extensionSubgraphs ?? []).map((subgraph) => ({ name: subgraph.name, organisations: everyOrganisation })),
  ];
  return served
    .filter((subgraph) => existsSync(join(repoRoot, 'services', subgraph.name)))
    // A union whose organisations are not in the shared file (one joined with npm run new-union)
    // owns its data file.
    .filter((subgraph) => subgraph.organisations.some((entry) => byId.has(entry.id)))
    .map((subgraph) => {
      const organisations = subgraph.organisations.map((entry) => {
        const org = byId.get(entry.id);
        if (!org) throw new Error(`organisation "${entry.id}" of subgraph "${subgraph.name}" is not in ${SHARED_DOMAIN}`);
        return org;
      });
      const content = `${JSON.stringify({ meta: { ...shared.meta, copiedFrom: 'shared/domain/organisations.json' }, organisations }, null, 2)}\n`;
      return { path: join(repoRoot, 'services', subgraph.name, 'data', 'organisations.json'), content };
    });
}

export function readShared(): SharedFile | null {
  return existsSync(SHARED_DOMAIN) ? (JSON.parse(readFileSync(SHARED_DOMAIN, 'utf8')) as SharedFile) : null;
}

/** Paths whose content differs from the fresh copy; with write, brings them up to date instead. */
export function syncDomainCopies(copies: DataCopy[], write: boolean): string[] {
  const stale = copies.filter((copy) => !existsSync(copy.path) || readFileSync(copy.path, 'utf8') !== copy.content);
  if (write) for (const copy of stale) writeFileSync(copy.path, copy.content);
  return stale.map((copy) => copy.path);
}
