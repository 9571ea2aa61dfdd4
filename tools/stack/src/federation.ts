import { allSubgraphs, loadConfig, urlVariable, type FederationConfig } from '@nlf/gateway';
import { startChild, waitForHttp, type Child } from './children';
import { GATEWAY_ENTRY, serviceEntry } from './layout';
import { keysEnvironment, tlsDoorEnvironment, type LocalKeys } from './localKeys';
import { findFreePort } from './ports';
import { Supervisor, type RestartPolicy, type Supervised } from './supervisor';

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
  /** The issuer's and the gateway's keys and the TLS door's certificates; each process gets its part. */
  keys: LocalKeys;
  /** Output of the processes and of the stack. */
  log: (line: string) => void;
  config?: FederationConfig;
  /** How long a process may take to become ready. Default: 60 s. */
  readyTimeoutMs?: number;
  /**
   * Restart a process that dies (npm start). `onGiveUp` is called once when one keeps failing (see
   * RestartPolicy); the caller then stops everything. Default: off, so a process that dies stays down.
   */
  supervise?: { policy?: RestartPolicy; onGiveUp: (reason: string) => void };
}

export interface SubgraphProcess {
  name: string;
  url: string;
  port: number;
  /** The TLS door for routers (client certificate + the caller's token): its GraphQL URL and port. */
  tlsUrl: string;
  tlsPort: number;
  /** The process serving it now: a new one after each restart. */
  readonly child: Child;
}

export interface RunningFederation {
  gatewayUrl: string;
  /** The gateway's process now: a new one after each restart. */
  readonly gateway: Child;
  subgraphs: Record<string, SubgraphProcess>;
  /** Each subgraph's TLS door, by name: what a production router is configured with (docs/security.md "Calls from any router"). */
  subgraphTlsUrls: Record<string, string>;
  /** What a router needs to call the TLS doors: the CA to trust, and the client certificate and key to present. */
  tls: { caFile: string; clientCertFile: string; clientKeyFile: string };
  /** Stops one subgraph (by its own PID), as an outage would; it is not restarted until startSubgraph. */
  stopSubgraph(name: string): Promise<void>;
  /** Starts a stopped subgraph again on the same port. */
  startSubgraph(name: string): Promise<void>;
  stop(): Promise<void>;
}

function healthUrl(graphqlUrl: string): string {
  return new URL('/health', graphqlUrl).toString();
}

/** Starts a child and waits until it answers /health; a child that never does is stopped, not left behind. */
async function launchReady(child: Child, url: string, timeoutMs: number): Promise<Child> {
  try {
    await waitForHttp(healthUrl(url), child, timeoutMs);
  } catch (error) {
    await child.stop();
    throw error;
  }
  return child;
}

/** Without supervision: a process that dies stays down (tests make outages on purpose). */
function unsupervised(first: Child, launch: () => Promise<Child>): Supervised {
  let current = first;
  return {
    get current() {
      return current;
    },
    stop: () => current.stop(),
    start: async () => {
      current = await launch();
    },
  };
}

/** With the config's ports (npm start), a subgraph's TLS door is its port + 100 (4101 → 4201). */
export const TLS_PORT_OFFSET = 100;

/** Every subgraph as its own process, each with its TLS door for routers, then the gateway pointed at their plain ports. */
export async function startFederation(options: FederationOptions): Promise<RunningFederation> {
  const config = options.config ?? loadConfig();
  const timeout = options.readyTimeoutMs ?? 60_000;
  const baseEnv = { ...process.env, ...keysEnvironment(options.keys), ...options.env };
  const supervisor = options.supervise
    ? new Supervisor(options.supervise.policy ?? {}, options.log, options.supervise.onGiveUp)
    : undefined;
  const watch = async (name: string, launch: () => Promise<Child>): Promise<Supervised> => {
    const first = await launch();
    return supervisor ? supervisor.watch(name, first, launch) : unsupervised(first, launch);
  };
  const processes = new Map<string, Supervised>();

  const launchSubgraph = (name: string, port: number, tlsPort: number) => {
    const databaseUrl = options.databaseUrls[name];
    if (!databaseUrl) throw new Error(`no database URL for subgraph "${name}"`);
    const args = [serviceEntry(name), 'serve', ...(options.prepareDatabases ? ['--migrate', '--seed-if-empty'] : [])];
    const env = { ...baseEnv, ...tlsDoorEnvironment(options.keys.tls, tlsPort), HOST: '127.0.0.1', PORT: String(port), DATABASE_URL: databaseUrl };
    return () =>
      launchReady(
        startChild({ name, command: process.execPath, args, env, log: options.log }),
        `http://127.0.0.1:${port}/graphql`,
        timeout,
      );
  };

  const stopAll = async () => {
    await processes.get('gateway')?.stop();
    await Promise.all([...processes].filter(([name]) => name !== 'gateway').map(([, p]) => p.stop()));
  };
  const supervised = (name: string) => {
    const found = processes.get(name);
    if (!found || name === 'gateway') throw new Error(`no subgraph "${name}"`);
    return found;
  };

  try {
    const subgraphs: Record<string, SubgraphProcess> = {};
    // Settled, not all: when one fails, the others must have finished starting before stopAll stops them.
    const launched = await Promise.allSettled(
      allSubgraphs(config).map(async (subgraph) => {
        const port = options.subgraphPorts === 'free' ? await findFreePort() : Number(new URL(subgraph.url).port);
        const tlsPort = options.subgraphPorts === 'free' ? await findFreePort() : port + TLS_PORT_OFFSET;
        processes.set(subgraph.name, await watch(subgraph.name, launchSubgraph(subgraph.name, port, tlsPort)));
        subgraphs[subgraph.name] = {
          name: subgraph.name,
          url: `http://127.0.0.1:${port}/graphql`,
          port,
          tlsUrl: `https://127.0.0.1:${tlsPort}/graphql`,
          tlsPort,
          get child() {
            return supervised(subgraph.name).current;
          },
        };
      }),
    );
    const failed = launched.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;

    const gatewayPort = options.gatewayPort || (await findFreePort());
    const urlEnv = Object.fromEntries(Object.values(subgraphs).map((s) => [urlVariable(s.name), s.url]));
    const gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
    const gatewayEnv = { ...baseEnv, ...urlEnv, HOST: '127.0.0.1', PORT: String(gatewayPort) };
    const gateway = await watch('gateway', () =>
      launchReady(
        startChild({ name: 'gateway', command: process.execPath, args: [GATEWAY_ENTRY], env: gatewayEnv, log: options.log }),
        gatewayUrl,
        timeout,
      ),
    );
    processes.set('gateway', gateway);

    return {
      gatewayUrl,
      get gateway() {
        return gateway.current;
      },
      subgraphs,
      subgraphTlsUrls: Object.fromEntries(Object.values(subgraphs).map((s) => [s.name, s.tlsUrl])),
      tls: { caFile: options.keys.tls.caFile, clientCertFile: options.keys.tls.clientCertFile, clientKeyFile: options.keys.tls.clientKeyFile },
      stopSubgraph: (name) => supervised(name).stop(),
      startSubgraph: (name) => supervised(name).start(),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
