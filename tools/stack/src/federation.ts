import { allSubgraphs, loadConfig, urlVariable, type FederationConfig } from '@nlf/gateway';
import { startChild, waitForHttp, type Child } from './children';
import { GATEWAY_ENTRY, serviceEntry } from './layout';
import { keysEnvironment, type LocalKeys } from './localKeys';
import { findFreePort } from './ports';

export interface FederationOptions {
  /** Database URL of every subgraph, by subgraph name. */
  databaseUrls: Record<string, string>;
  /** 'config': the ports of the config's URLs (npm start); 'free': any free ports (tests). */
  subgraphPorts: 'config' | 'free';
  /** Gateway port; 0 picks a free one. */
  gatewayPort: number;
  /** Migrate and seed an empty database when a subgraph starts (npm start). Default: false. */
  prepareDatabases?: boolean;
  /** Passed to every process, over this process's environment. Default: none. */
  env?: NodeJS.ProcessEnv;
  /** The issuer's and the gateway's keys; each process gets its part. */
  keys: LocalKeys;
  /** Output of the processes and of the stack. */
  log: (line: string) => void;
  config?: FederationConfig;
  /** How long a process may take to become ready. Default: 60 s. */
  readyTimeoutMs?: number;
}

export interface SubgraphProcess {
  name: string;
  url: string;
  port: number;
  child: Child;
}

export interface RunningFederation {
  gatewayUrl: string;
  gateway: Child;
  subgraphs: Record<string, SubgraphProcess>;
  /** Stops one subgraph (by its own PID), as an outage would. */
  stopSubgraph(name: string): Promise<void>;
  /** Starts a stopped subgraph again on the same port. */
  startSubgraph(name: string): Promise<void>;
  stop(): Promise<void>;
}

function healthUrl(graphqlUrl: string): string {
  return new URL('/health', graphqlUrl).toString();
}

/** Every subgraph as its own process, then the gateway pointed at them over HTTP. */
export async function startFederation(options: FederationOptions): Promise<RunningFederation> {
  const config = options.config ?? loadConfig();
  const timeout = options.readyTimeoutMs ?? 60_000;
  const baseEnv = { ...process.env, ...keysEnvironment(options.keys), ...options.env };
  const subgraphs: Record<string, SubgraphProcess> = {};

  const launchSubgraph = async (name: string, port: number): Promise<SubgraphProcess> => {
    const databaseUrl = options.databaseUrls[name];
    if (!databaseUrl) throw new Error(`no database URL for subgraph "${name}"`);
    const args = [serviceEntry(name), 'serve', ...(options.prepareDatabases ? ['--migrate', '--seed-if-empty'] : [])];
    const child = startChild({
      name,
      command: process.execPath,
      args,
      env: { ...baseEnv, HOST: '127.0.0.1', PORT: String(port), DATABASE_URL: databaseUrl },
      log: options.log,
    });
    const url = `http://127.0.0.1:${port}/graphql`;
    await waitForHttp(healthUrl(url), child, timeout);
    return { name, url, port, child };
  };

  const stopAll = async () => {
    await Promise.all(Object.values(subgraphs).map((s) => s.child.stop()));
  };

  try {
    const started = await Promise.all(
      allSubgraphs(config).map(async (subgraph) => {
        const port = options.subgraphPorts === 'free' ? await findFreePort() : Number(new URL(subgraph.url).port);
        const process = await launchSubgraph(subgraph.name, port);
        subgraphs[subgraph.name] = process;
        return process;
      }),
    );

    const gatewayPort = options.gatewayPort || (await findFreePort());
    const urlEnv = Object.fromEntries(started.map((s) => [urlVariable(s.name), s.url]));
    const gateway = startChild({
      name: 'gateway',
      command: process.execPath,
      args: [GATEWAY_ENTRY],
      env: { ...baseEnv, ...urlEnv, HOST: '127.0.0.1', PORT: String(gatewayPort) },
      log: options.log,
    });
    const gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
    try {
      await waitForHttp(healthUrl(gatewayUrl), gateway, timeout);
    } catch (error) {
      await gateway.stop();
      throw error;
    }

    return {
      gatewayUrl,
      gateway,
      subgraphs,
      stopSubgraph: async (name) => {
        const subgraph = subgraphs[name];
        if (!subgraph) throw new Error(`no subgraph "${name}"`);
        await subgraph.child.stop();
      },
      startSubgraph: async (name) => {
        const subgraph = subgraphs[name];
        if (!subgraph) throw new Error(`no subgraph "${name}"`);
        subgraphs[name] = await launchSubgraph(name, subgraph.port);
      },
      stop: async () => {
        await gateway.stop();
        await stopAll();
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
