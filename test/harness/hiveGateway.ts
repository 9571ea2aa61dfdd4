import { urlVariable } from '@nlf/gateway';
import { findFreePort, tlsDoorEnvironment } from '@nlf/stack';
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
  const started: TestProcess[] = [];
  const stopAll = () => Promise.all(started.map((child) => child.stop())).then(() => undefined);
  try {
    // Hive cannot serve the registry in-process: it calls the registry server, through its TLS door too.
    const registryUrl = subgraphTlsUrls.registry ?? (await startRegistry(federation, started));
    const port = await findFreePort();
    const urls = Object.fromEntries(Object.entries({ ...subgraphTlsUrls, registry: registryUrl }).map(([name, url]) => [urlVariable(name), url]));
    const child = startProcess([HIVE_CONFIG], {
      ...urls,
      NLF_ROUTER_CA_FILE: tls.caFile,
      NLF_ROUTER_CERT_FILE: tls.clientCertFile,
      NLF_ROUTER_KEY_FILE: tls.clientKeyFile,
      HOST: '127.0.0.1',
      PORT: String(port),
    });
    started.push(child);
    await child.waitForLine('Hive Gateway ready');
    const url = `http://127.0.0.1:${port}/graphql`;
    return { url, query: graphQLClient(url, federation.token), process: child, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** `npm run registry` on free ports, with its TLS door made from the run's certificates; its TLS URL. */
async function startRegistry(federation: TestFederation, started: TestProcess[]): Promise<string> {
  const [port, tlsPort] = [await findFreePort(), await findFreePort()];
  const registry = startProcess(['gateway/dist/cli/registry.js'], {
    ...tlsDoorEnvironment(federation.keys.tls, tlsPort),
    HOST: '127.0.0.1',
    PORT: String(port),
  });
  started.push(registry);
  await registry.waitForHttp(`http://127.0.0.1:${port}/health`);
  return `https://127.0.0.1:${tlsPort}/graphql`;
}

/**
 * Hive Gateway for one test file, started after `federation` (declare it after useTestFederation)
 * and stopped before it.
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
