import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Viewer } from '@nlf/contract';
import { createLoaders, type Loaders } from './loaders';
import type { PublicFacts } from './publicFacts';

/**
 * A subgraph's own loaders, built per request beside the kit's from the request's entity manager.
 * Their names may not be the kit's (a subgraph cannot replace a loader the kit's resolvers read).
 */
export type OwnLoaders<Own extends object> = Own & { [Name in keyof Loaders]?: never };
export type LoaderFactory<Own extends object> = (em: EntityManager) => OwnLoaders<Own>;

/** What every resolver of a kit-built subgraph gets; `Own` are the subgraph's own loaders, if any. */
export interface SubgraphContext<Own extends object = object> {
  /** Forked per request: its identity map lives and dies with the request. */
  em: EntityManager;
  /** The kit's loaders and the subgraph's own, one set per request. */
  loaders: Loaders & Own;
  /** Name of this subgraph in the federation config. */
  subgraph: string;
  /** The caller, as the gateway's signature vouches for. */
  viewer: Viewer;
  /** Smallest count a register breakdown shows. */
  suppressionThreshold: number;
  /** The request's id (x-request-id), in every log line about it. */
  requestId?: string;
}

export interface ContextOptions<Own extends object = object> {
  subgraph: string;
  suppressionThreshold: number;
  /** The subgraph's own loaders. Default: none (the kit's only). */
  loaders?: LoaderFactory<Own>;
  /**
   * Where the public facts come from between commits (PublicSnapshot), read once per request. Default:
   * none, so every public fact is read by SQL for each request.
   */
  snapshot?: { read(): Promise<PublicFacts | undefined> };
}

export function createContext<Own extends object = object>(orm: MikroORM, options: ContextOptions<Own>, viewer: Viewer): SubgraphContext<Own> {
  const { loaders: ownLoaders, snapshot, ...rest } = options;
  const em = orm.em.fork();
  // Once per request, and only when a field needs it: every public field of a request reads one version.
  let facts: Promise<PublicFacts | undefined> | undefined;
  const publicFacts = snapshot ? () => (facts ??= snapshot.read()) : undefined;
  const loaders = { ...createLoaders(em, publicFacts), ...ownLoaders?.(em) } as Loaders & Own;
  return { em, loaders, viewer, ...rest };
}
