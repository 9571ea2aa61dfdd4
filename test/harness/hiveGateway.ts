import { urlVariable } from '@nlf/gateway';
import { findFreePort } from '@nlf/stack';
import { graphQLClient, type QueryFunction, type TestFederation } from './federation';
import { startProcess, type TestProcess } from './process';

/** The committed Hive Gateway configuration: Hive's packages and Node built-ins only. */
export const HIVE_CONFIG = 'deploy/hive/gateway.mjs';

export interface HiveGateway {
  url: string;
  query: QueryFunction;
  process: TestProcess;
  stop(): Promise<void>;
}

/**
 * Hive Gateway as its own process on a free port, pointed at the running federation's subgraphs
 * through their TLS door (the router's client certificate, the caller's token forwarded). Everything
 * that differs per run reaches it as the environment variables its config file documents.
 */
export async function startHiveGateway(federation: TestFederation): Promise<HiveGateway> {
  const { subgraphTlsUrls, tls } = federation.running;
  if (!subgraphTlsUrls.registry) {
    // Hive cannot serve the registry in-process; without its server Hive would call the supergraph's
    // registry URL, a port of `npm start`.
    throw new Error("Hive Gateway needs the registry as a server of its own: useTestFederation({ registry: 'standalone' })");
  }
  const port = await findFreePort();
  const urls = Object.fromEntries(Object.entries(subgraphTlsUrls).map(([name, url]) => [urlVariable(name), url]));
  const child = startProcess([HIVE_CONFIG], {
    ...urls,
    NLF_ROUTER_CA_FILE: tls.caFile,
    NLF_ROUTER_CERT_FILE: tls.clientCertFile,
    NLF_ROUTER_KEY_FILE: tls.clientKeyFile,
    HOST: '127.0.0.1',
    PORT: String(port),
  });
  try {
    await child.waitForLine('Hive Gateway ready');
  } catch (error) {
    await child.stop();
    throw error;
  }
  const url = `http://127.0.0.1:${port}/graphql`;
  return { url, query: graphQLClient(url, federation.token), process: child, stop: () => child.stop() };
}

/**
 * Hive Gateway for one test file, started after `federation` (declare it after
 * `useTestFederation({ registry: 'standalone' })`) and stopped before it.
 */
export function useHiveGateway(federation: TestFederation): HiveGateway {
  let started: HiveGateway | undefined;
  beforeAll(async () => {
    started = await startHiveGateway(federation);
  }, 120_000);
  afterAll(async () => {
    await started?.stop();
  });
  const current = (): HiveGateway => {
    if (!started) throw new Error('Hive Gateway starts in beforeAll: use it inside a test or hook');
    return started;
  };
  return {
    get url() {
      return current().url;
    },
    get process() {
      return current().process;
    },
    query: (...args) => current().query(...args),
    stop: () => current().stop(),
  };
}
