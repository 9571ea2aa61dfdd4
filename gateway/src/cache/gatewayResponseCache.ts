import type { Agent } from 'undici';
import { REGISTRY_NAME } from '../config';
import type { LiveSupergraph } from '../reload/liveSupergraph';
import type { GatewayContext } from '../subgraphDataSource';
import { createResponseCache, type ResponseCache, type ResponseCacheOptions } from './responseCache';
import { viewerSlot } from './viewerSlot';

/** What GatewayOptions.responseCache may set; the rest follows from the supergraph in force. */
export type GatewayResponseCacheOptions = Omit<ResponseCacheOptions, 'subgraphUrls' | 'dispatcher' | 'roleOf' | 'personalFields'>;

/**
 * The response cache as the gateway runs it: checked against every subgraph of the supergraph in
 * force but the registry (whose answers follow from the config alone), its personal fields those the
 * supergraph marks, its answers shared by callers of the same role and organisation (viewerSlot).
 */
export function createGatewayResponseCache(live: LiveSupergraph, agent: Agent, options: GatewayResponseCacheOptions = {}): ResponseCache {
  let versionedFor: unknown;
  let versionedUrls: Record<string, string> = {};
  return createResponseCache({
    ...options,
    subgraphUrls: () => {
      // Asked on every cached read: derived once per supergraph in force.
      if (versionedFor !== live.current) {
        const { [REGISTRY_NAME]: _registry, ...subgraphs } = live.current.urls;
        versionedFor = live.current;
        versionedUrls = subgraphs;
      }
      return versionedUrls;
    },
    personalFields: () => live.current.personalFields,
    roleOf: (_headers, contextValue) => viewerSlot((contextValue as GatewayContext | undefined)?.viewer),
    dispatcher: agent,
  });
}
