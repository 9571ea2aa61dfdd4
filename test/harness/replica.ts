import { urlVariable } from '@nlf/gateway';
import { findFreePort, type RunningFederation } from '@nlf/stack';
import { startProcess, type TestProcess } from './process';

export interface GatewayReplica {
  /** http://127.0.0.1:<port>/graphql */
  url: string;
  port: number;
  process: TestProcess;
  /** SIGTERM by its PID handle; SIGKILL if it has not exited within 15 s. */
  stop(): Promise<void>;
}

export interface GatewayReplicaOptions {
  /** Over the test run's keys and NODE_ENV=development, as startTestFederation gives its gateway. */
  env?: NodeJS.ProcessEnv;
  /** A subgraph reached at another URL than the federation's (e.g. through a held link), by name. */
  subgraphUrls?: Record<string, string>;
}

/**
 * One more gateway process against the subgraphs of a running federation (startTestFederation),
 * on a free port of 127.0.0.1, started as `startFederation` starts its own: a second replica.
 */
export async function startGatewayReplica(running: RunningFederation, options: GatewayReplicaOptions = {}): Promise<GatewayReplica> {
  const port = await findFreePort();
  const urls = { ...Object.fromEntries(Object.values(running.subgraphs).map((subgraph) => [subgraph.name, subgraph.url])), ...options.subgraphUrls };
  const started = startProcess(['gateway/dist/main.js'], {
    NODE_ENV: 'development',
    ...options.env,
    ...Object.fromEntries(Object.entries(urls).map(([name, url]) => [urlVariable(name), url])),
    HOST: '127.0.0.1',
    PORT: String(port),
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  try {
    await started.waitForHttp(new URL('/health', url).toString());
  } catch (error) {
    await started.stop();
    throw error;
  }
  return { url, port, process: started, stop: () => started.stop() };
}
