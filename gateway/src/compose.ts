import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { REGISTRY_NAME, type FederationConfig } from './config';

export interface SubgraphSdl {
  name: string;
  url: string;
  sdl: string;
}

export class CompositionError extends Error {
  constructor(readonly messages: string[]) {
    super(`the supergraph does not compose:\n- ${messages.join('\n- ')}`);
    this.name = 'CompositionError';
  }
}

/** Composes the registry and the union subgraphs into a supergraph SDL (offline: no subgraph is called). */
export function composeSupergraph(config: FederationConfig, registry: string, subgraphs: SubgraphSdl[]): string {
  const result = composeServices([
    { name: REGISTRY_NAME, url: config.registry.url, typeDefs: parse(registry) },
    ...subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })),
  ]);
  if (result.errors) throw new CompositionError(result.errors.map((error) => error.message));
  return result.supergraphSdl;
}
