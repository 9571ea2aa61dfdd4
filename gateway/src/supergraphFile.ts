import { Supergraph } from '@apollo/federation-internals';
import { urlVariable } from './config';
import type { SubgraphUrlVariables } from './settings';

/**
 * Subgraph name → URL as a composed supergraph lists them (its join__graph entries), each
 * overridable by option or NLF_SUBGRAPH_URL_<NAME> (`variables`, read by settings.ts): how the gateway runs from a supergraph composed
 * elsewhere, with no registry or config of its own. Throws, saying why, when the file is not a
 * Federation 2 supergraph.
 */
export function supergraphSubgraphUrls(supergraphSdl: string, overrides: Record<string, string> = {}, variables: SubgraphUrlVariables = {}): Record<string, string> {
  let supergraph: Supergraph;
  try {
    supergraph = Supergraph.build(supergraphSdl);
  } catch (error) {
    throw new Error(`not a usable Federation 2 supergraph: ${(error as Error).message}`);
  }
  const urls: Record<string, string> = {};
  for (const subgraph of supergraph.subgraphs()) {
    urls[subgraph.name] = overrides[subgraph.name] ?? variables[urlVariable(subgraph.name)] ?? subgraph.url;
  }
  return urls;
}
