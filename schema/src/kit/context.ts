import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth';
import { createLoaders, type Loaders } from './loaders';

/** What every resolver of a kit-built subgraph gets. */
export interface SubgraphContext {
  /** Forked per request: its identity map lives and dies with the request. */
  em: EntityManager;
  loaders: Loaders;
  /** Name of this subgraph in the federation config. */
  subgraph: string;
  /** The caller, as the gateway's signature vouches for. */
  viewer: Viewer;
  /** Smallest count a register breakdown shows. */
  suppressionThreshold: number;
  /** The request's id (x-request-id), in every log line about it. */
  requestId?: string;
}

export interface ContextOptions {
  subgraph: string;
  suppressionThreshold: number;
}

export function createContext(orm: MikroORM, options: ContextOptions, viewer: Viewer): SubgraphContext {
  const em = orm.em.fork();
  return { em, loaders: createLoaders(em), viewer, ...options };
}
