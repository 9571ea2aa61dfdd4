import { unwatchFile, watchFile, readFileSync, type Stats } from 'node:fs';
import type { SupergraphSdlHook, SupergraphSdlUpdateFunction } from '@apollo/gateway';
import { Supergraph } from '@apollo/federation-internals';
import type { GraphQLSchema } from 'graphql';
import { composeFederation, loadSubgraphSdls } from '../check/composeFederation';
import { loadConfig, type FederationConfig } from '../config';
import { buildRegistrySchema } from '../registry/registrySchema';
import { supergraphSubgraphUrls } from '../supergraphFile';
import { personalFieldsOf } from '../cache/cachePolicy';
import type { SubgraphUrlVariables } from '../settings';

export interface LiveSupergraphOptions {
  /** The federation config the gateway started with; none: it runs from a supergraph file alone. */
  config?: FederationConfig;
  /**
   * With a config, answer the registry inside the gateway process (true), or call it at its URL like
   * every subgraph (false: `npm run registry`, or any server of `startRegistryServer`). Default: true.
   */
  embedRegistry?: boolean;
  /** The config file to watch: a change recomposes from the subgraphs' SDL. Default: not watched. */
  configPath?: string;
  supergraphSdl: string;
  /** Without a config, the supergraph file to watch. Default: not watched. */
  supergraphPath?: string;
  /** Subgraph name → URL as resolved at start (options, environment, config). */
  urls: Record<string, string>;
  /** URL resolution for a reloaded config. */
  resolveUrls(config: FederationConfig): Record<string, string>;
  /** NLF_SUBGRAPH_URL_<NAME> variables read at start-up: URLs of a reloaded supergraph file, and where a recomposition asks a subgraph without an SDL file. */
  subgraphUrlVariables: SubgraphUrlVariables;
  /** The gateway's private key (PEM), which signs a recomposition's `_service { sdl }` calls. */
  signingKey: string;
  /** How often watched files are looked at. Default: 1000 ms. */
  intervalMs?: number;
  log(line: string): void;
}

/** What requests are planned and sent with now: it changes only when a new supergraph is accepted. */
export interface LiveState {
  config?: FederationConfig;
  urls: Record<string, string>;
  registrySchema?: GraphQLSchema;
  /** The fields this supergraph marks personal: never cached or shared. */
  personalFields: ReadonlySet<string>;
  version: number;
  loadedAt: string;
}

export interface ReloadStatus {
  version: number;
  loadedAt: string;
  /** The last refused change and why; cleared by the next accepted one. */
  refused?: { at: string; reason: string };
}

/**
 * Swaps the gateway's supergraph while it serves: a changed config is recomposed (registry
 * regenerated, subgraph SDL from their files or their running servers), a changed supergraph file is
 * taken as is. Requests in flight finish on the plan they started with. A change that does not
 * compose is refused: the old supergraph keeps serving, the reason is logged and shown on /health.
 */
export class LiveSupergraph {
  current: LiveState;
  private refused?: { at: string; reason: string };
  private update?: SupergraphSdlUpdateFunction;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly options: LiveSupergraphOptions) {
    this.current = {
      config: options.config,
      urls: options.urls,
      // With a config, the registry is served inside the gateway process unless it runs on its own.
      registrySchema: options.config && options.embedRegistry !== false ? buildRegistrySchema(options.config) : undefined,
      personalFields: personalFieldsOf(options.supergraphSdl),
      version: 1,
      loadedAt: new Date().toISOString(),
    };
  }

  /** For ApolloGateway's `supergraphSdl`. */
  readonly hook: SupergraphSdlHook = async ({ update }) => {
    this.update = update;
    const watched = this.options.config ? this.options.configPath : this.options.supergraphPath;
    const interval = this.options.intervalMs ?? 1000;
    const onChange = (now: Stats, before: Stats) => {
      if (now.mtimeMs !== before.mtimeMs || now.size !== before.size) void this.reload();
    };
    if (watched) watchFile(watched, { interval, persistent: false }, onChange);
    return {
      supergraphSdl: this.options.supergraphSdl,
      cleanup: async () => {
        if (watched) unwatchFile(watched, onChange);
      },
    };
  };

  status(): ReloadStatus {
    return { version: this.current.version, loadedAt: this.current.loadedAt, ...(this.refused ? { refused: this.refused } : {}) };
  }

  /** Reloads the watched file now (also on SIGHUP); reloads run one at a time. */
  reload(): Promise<void> {
    this.queue = this.queue.then(() => this.reloadOnce());
    return this.queue;
  }

  private async reloadOnce(): Promise<void> {
    try {
      const next = this.options.config ? await this.fromConfig() : this.fromSupergraphFile();
      this.accept(next.state, next.supergraphSdl);
    } catch (error) {
      this.refused = { at: new Date().toISOString(), reason: (error as Error).message };
      this.options.log(`supergraph change refused, version ${this.current.version} keeps serving: ${this.refused.reason}`);
    }
  }

  private async fromConfig(): Promise<{ state: LiveState; supergraphSdl: string }> {
    const config = loadConfig(this.options.configPath);
    const version = this.current.version + 1;
    // @apollo/gateway reuses a data source while a subgraph's name and URL stay the same: a new
    // registry schema needs a new URL, or the old registry would keep answering.
    const versioned: FederationConfig = { ...config, registry: { url: `${config.registry.url}#v${version}` } };
    const subgraphs = await loadSubgraphSdls(config, { subgraphUrlVariables: this.options.subgraphUrlVariables, signingKey: this.options.signingKey });
    const outcome = composeFederation(versioned, subgraphs);
    if (!outcome.ok) throw new Error(`the new config does not compose: ${outcome.findings.map((f) => f.message).join(' ')}`);
    return {
      supergraphSdl: outcome.supergraph,
      state: {
        config,
        urls: this.options.resolveUrls(config),
        registrySchema: this.options.embedRegistry !== false ? buildRegistrySchema(config) : undefined,
        personalFields: personalFieldsOf(outcome.supergraph),
        version,
        loadedAt: new Date().toISOString(),
      },
    };
  }

  private fromSupergraphFile(): { state: LiveState; supergraphSdl: string } {
    const supergraphSdl = readFileSync(this.options.supergraphPath!, 'utf8');
    Supergraph.build(supergraphSdl);
    return {
      supergraphSdl,
      state: {
        urls: supergraphSubgraphUrls(supergraphSdl, {}, this.options.subgraphUrlVariables),
        personalFields: personalFieldsOf(supergraphSdl),
        version: this.current.version + 1,
        loadedAt: new Date().toISOString(),
      },
    };
  }

  /** The gateway builds data sources while it updates, from `current`: swap first, put back on failure. */
  private accept(state: LiveState, supergraphSdl: string): void {
    if (!this.update) throw new Error('the gateway has not started');
    const previous = this.current;
    this.current = state;
    try {
      this.update(supergraphSdl);
    } catch (error) {
      this.current = previous;
      throw error;
    }
    this.refused = undefined;
    this.options.log(`supergraph version ${state.version} serving (${Object.keys(state.urls).join(', ')})`);
  }
}
