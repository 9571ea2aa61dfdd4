import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { REGISTRY_NAME, type FederationConfig } from './config';

export interface SubgraphSdl {
  name: string;
  url: string;
  sdl: string;
}

export class CompositionError extends Error {
  constructor(
    readonly messages: string[],
    /** Composition's error codes, e.g. FIELD_TYPE_MISMATCH, in the order of messages. */
    readonly codes: (string | undefined)[] = [],
  ) {
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
  if (result.errors) {
    throw new CompositionError(
      result.errors.map((error) => error.message),
      result.errors.map((error) => error.extensions?.code as string | undefined),
    );
  }
  return result.supergraphSdl;
}
