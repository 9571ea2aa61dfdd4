import { allSubgraphs, REGISTRY_NAME, urlVariable, type FederationConfig } from '../config';
import type { SubgraphUrlVariables } from '../settings';
import { supergraphSubgraphUrls } from '../supergraphFile';
import { LiveSupergraph } from './liveSupergraph';

/** Subgraph name → URL: explicit option, then environment, then config; the supergraph's own URLs are never used. */
export function resolveSubgraphUrls(config: FederationConfig, overrides: Record<string, string> = {}, variables: SubgraphUrlVariables = {}) {
  const urls: Record<string, string> = {};
  for (const subgraph of [{ name: REGISTRY_NAME, url: config.registry.url }, ...allSubgraphs(config)]) {
    urls[subgraph.name] = overrides[subgraph.name] ?? variables[urlVariable(subgraph.name)] ?? subgraph.url;
  }
  return urls;
}

/** Where the gateway's supergraph comes from (the fields of GatewayOptions of the same names). */
export interface GatewaySupergraphSource {
  /** The federation config; none: the gateway runs from the supergraph alone, URLs from the supergraph. */
  config?: FederationConfig;
  /** With a config, where the registry is answered: in the process, or at its URL. Default: "embedded". */
  registry?: 'embedded' | 'remote';
  supergraphSdl: string;
  /** Subgraph URLs by name, over `subgraphUrlVariables` and the config's. Default: none. */
  subgraphUrls?: Record<string, string>;
  /** NLF_SUBGRAPH_URL_<NAME> variables, over the config's URLs. Required: the caller reads them (settings.ts). */
  subgraphUrlVariables: SubgraphUrlVariables;
  /** Watch this config file and recompose when it changes. Default: not watched. */
  configPath?: string;
  /** Without a config, watch this supergraph file and load it when it changes. Default: not watched. */
  supergraphPath?: string;
  /** How often watched files are looked at. Default: 1000 ms. */
  reloadIntervalMs?: number;
  /** The gateway's private key (PEM), which signs a recomposition's calls. Required. */
  gatewaySigningKey: string;
}

/** The supergraph in force, from the config or the supergraph alone, its subgraph URLs resolved as resolveSubgraphUrls says. */
export function createGatewaySupergraph(source: GatewaySupergraphSource, log: (line: string) => void): LiveSupergraph {
  const variables = source.subgraphUrlVariables;
  return new LiveSupergraph({
    config: source.config,
    embedRegistry: source.registry !== 'remote',
    configPath: source.configPath,
    supergraphSdl: source.supergraphSdl,
    supergraphPath: source.supergraphPath,
    urls: source.config
      ? resolveSubgraphUrls(source.config, source.subgraphUrls, variables)
      : supergraphSubgraphUrls(source.supergraphSdl, source.subgraphUrls, variables),
    resolveUrls: (config) => resolveSubgraphUrls(config, source.subgraphUrls, variables),
    subgraphUrlVariables: variables,
    signingKey: source.gatewaySigningKey,
    intervalMs: source.reloadIntervalMs,
    log,
  });
}
