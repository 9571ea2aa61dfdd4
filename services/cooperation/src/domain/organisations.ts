import { readFileSync } from 'node:fs';

/** The ids of every organisation in the federation, from this subgraph's copy of the domain data. */
export function loadOrganisationIds(dataFile: string): ReadonlySet<string> {
  const data = JSON.parse(readFileSync(dataFile, 'utf8')) as { organisations: { id: string }[] };
  return new Set(data.organisations.map((org) => org.id));
}
