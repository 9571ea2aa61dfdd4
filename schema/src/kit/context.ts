import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { createLoaders, type Loaders } from './loaders';

/** What every resolver of a kit-built subgraph gets. */
export interface SubgraphContext {
  /** Forked per request: its identity map lives and dies with the request. */
  em: EntityManager;
  loaders: Loaders;
  /** Name of this subgraph in the federation config. */
  subgraph: string;
}

export function createContextFactory(orm: MikroORM, subgraph: string): () => Promise<SubgraphContext> {
  return async () => {
    const em = orm.em.fork();
    return { em, loaders: createLoaders(em), subgraph };
  };
}
