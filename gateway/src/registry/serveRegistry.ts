import { unwatchFile, watchFile, type Stats } from 'node:fs';
import { startGuardedServer, type GuardedServerOptions } from '@nlf/kit';
import { loadConfig, REGISTRY_NAME, type FederationConfig } from '../config';
import { buildRegistrySchema } from './registrySchema';
import { ReloadableSchema } from './reloadableSchema';

/**
 * Where and how the registry serves are the guarded server's options, documented there: `gatewayKey`
 * (required: only calls the gateway signed are answered on the plain port, as by every subgraph),
 * `tls` (the TLS door for routers, docs/security.md "Calls from any router"), `host`, `port` (required;
 * the config's registry URL says 4100), `debug` and `logger` (default: service "registry").
 */
export interface RegistryServerOptions extends Pick<GuardedServerOptions<object>, 'gatewayKey' | 'tls' | 'host' | 'port' | 'debug' | 'logger'> {
  /** The federation config the registry answers from. Required. */
  config: FederationConfig;
  /** The config file to follow: a change is applied without a restart. Default: not watched. */
  configPath?: string;
  /** How often the watched file is looked at. Default: 1000 ms, the gateway's own interval. */
  intervalMs?: number;
}

export interface RunningRegistry {
  url: string;
  port: number;
  /** The TLS door's GraphQL URL, when it has one. */
  tlsUrl?: string;
  /** Reads the config again now (also what a change of the watched file does); a bad config keeps the old one. */
  reload(): void;
  close(): Promise<void>;
}

/**
 * The registry subgraph as a server of its own, behind the same call guard as every subgraph, so a
 * router other than ours (or gateway replicas) can run the supergraph: it answers from the config
 * alone, as the registry embedded in the gateway does.
 */
export async function startRegistryServer(options: RegistryServerOptions): Promise<RunningRegistry> {
  const source = new ReloadableSchema(buildRegistrySchema(options.config));
  const server = await startGuardedServer({
    name: REGISTRY_NAME,
    schema: { gateway: source },
    gatewayKey: options.gatewayKey,
    tls: options.tls,
    host: options.host,
    port: options.port,
    debug: options.debug,
    logger: options.logger,
    routes: (app) => {
      app.get('/health', async () => ({ status: 'ok', subgraph: REGISTRY_NAME }));
      app.get('/ready', async () => ({ status: 'ready', subgraph: REGISTRY_NAME }));
    },
    context: (viewer) => ({ viewer }),
  });
  const reload = () => {
    if (!options.configPath) return;
    try {
      source.replace(buildRegistrySchema(loadConfig(options.configPath)));
      options.logger?.info('registry reloaded from the config');
    } catch (error) {
      options.logger?.error(`config change refused, the registry keeps its schema: ${(error as Error).message}`);
    }
  };
  const onChange = (now: Stats, before: Stats) => {
    if (now.mtimeMs !== before.mtimeMs || now.size !== before.size) reload();
  };
  if (options.configPath) watchFile(options.configPath, { interval: options.intervalMs ?? 1000, persistent: false }, onChange);
  return {
    url: server.url,
    port: server.port,
    tlsUrl: server.tlsUrl,
    reload,
    close: async () => {
      if (options.configPath) unwatchFile(options.configPath, onChange);
      await server.close();
    },
  };
}
