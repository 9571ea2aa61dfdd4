import { ensureLocalKeys, findFreePort, issueToken, keysEnvironment, prepareDatabases, REPO_ROOT, seedAll, startFederation, type RunningFederation } from '@nlf/stack';
import { allSubgraphs, loadConfig } from '@nlf/gateway';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LARGEST_REGISTER, LARGEST_UNION } from './scenarios';
import { startProcess, type BenchProcess } from './processes';

export const BENCH_DIR = join(REPO_ROOT, 'bench');
const DATA_DIR = join(BENCH_DIR, '.data');
const SUPERGRAPH = join(REPO_ROOT, 'gateway', 'supergraph.graphql');
const REGISTER_SIZES = `${LARGEST_UNION}=${LARGEST_REGISTER}`;
const system = (file: string) => join(BENCH_DIR, 'dist', 'systems', file);

export interface System {
  name: string;
  label: string;
  url: string;
  pid: number;
  /** Accepts APQ hashes (Apollo Server's automatic persisted queries). */
  apq: boolean;
  /** Where SQL statements are counted: subgraph /metrics URLs, or the monolith's own. */
  metrics: string[];
  /** Answers from a response cache: not run on the scenarios that read personal data. */
  cached?: boolean;
  /** Run only in these scenarios (a lever measured where it matters). Default: every scenario. */
  scenarios?: string[];
}

export interface BenchStack {
  systems: System[];
  federation: RunningFederation;
  /** Starts the bare node:http ceiling with the given bodies (path → body). */
  startBare(bodies: Record<string, string>): Promise<System>;
  /** A bearer token of union staff of the largest union, for the scenarios that read its members. */
  staffToken: string;
  /** The local issuer's key, for tokens the scenarios need beyond staffToken (bench:hostile's malformed ones). */
  issuerPrivateKey: string;
  stop(): Promise<void>;
}

/**
 * Embedded PostgreSQL with the register of the largest union at 100 000 members (seeded once and
 * kept in bench/.data), every subgraph, our gateway live and cached, and the baselines.
 */
export async function startBenchStack(log: (line: string) => void, only?: string[], nodeArgs: string[] = []): Promise<BenchStack> {
  const config = loadConfig();
  // The union subgraphs and the extension subgraphs (cooperation) alike.
  const subgraphs = allSubgraphs(config);
  const names = subgraphs.map((s) => s.name);
  mkdirSync(DATA_DIR, { recursive: true });
  const databases = await prepareDatabases({ subgraphs: names, dataDir: join(DATA_DIR, 'postgres'), postgresPort: await findFreePort(), log: () => undefined });
  const processes: BenchProcess[] = [];
  let federation: RunningFederation | undefined;
  const stop = async () => {
    for (const p of processes.reverse()) await p.stop();
    await federation?.stop();
    await databases.postgres?.stop();
  };
  try {
    const marker = join(DATA_DIR, 'seeded');
    const seeded = `${REGISTER_SIZES} ${names.join(',')}`;
    if (!existsSync(marker) || readFileSync(marker, 'utf8') !== seeded) {
      log(`seeding (${REGISTER_SIZES}, others 1000): once, kept in bench/.data`);
      await seedAll(databases.urls, () => undefined, { NLF_REGISTER_SIZES: REGISTER_SIZES });
      writeFileSync(marker, seeded);
    }
    const keys = await ensureLocalKeys(join(DATA_DIR, 'keys'));
    federation = await startFederation({
      databaseUrls: databases.urls,
      keys,
      subgraphPorts: 'free',
      gatewayPort: 0,
      // The subgraphs are not what is compared, and every system calls them: their request logs
      // (read line by line in this process) would take CPU from the load generator for all alike.
      env: { NLF_RESPONSE_CACHE: 'off', NODE_ENV: 'production', NLF_RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'warn' },
      log: () => undefined,
    });
    const subgraphUrls = Object.fromEntries(Object.values(federation.subgraphs).map((s) => [s.name, s.url]));
    const subgraphMetrics = Object.values(federation.subgraphs).map((s) => new URL('/metrics', s.url).toString());
    const systems: System[] = [];
    const want = (name: string) => !only || only.includes(name);
    const start = async (name: string, script: string, env: NodeJS.ProcessEnv) => {
      const port = await findFreePort();
      // Every gateway gets the same keys: callers' tokens verified, subgraph calls signed.
      const p = await startProcess(name, script, { PORT: String(port), NODE_ENV: 'production', NLF_RATE_LIMIT_PER_MINUTE: '0', ...keysEnvironment(keys), ...env }, log, nodeArgs);
      processes.push(p);
      return { port, pid: p.pid };
    };
    const urlEnv = Object.fromEntries(Object.entries(subgraphUrls).map(([name, url]) => [`NLF_SUBGRAPH_URL_${name.toUpperCase()}`, url]));
    const gateway = join(REPO_ROOT, 'gateway', 'dist', 'main.js');
    // Ours runs as a process of its own like every other system (logs to a file, default log level).
    if (want('nlf-live')) {
      const { port, pid } = await start('nlf-live', gateway, { ...urlEnv, NLF_RESPONSE_CACHE: 'off' });
      const label = 'this gateway, cache off (in-flight sharing on, the default)';
      systems.push({ name: 'nlf-live', label, url: `http://127.0.0.1:${port}/graphql`, pid, apq: true, metrics: subgraphMetrics });
    }    if (want('nlf-cache')) {
      const { port, pid } = await start('nlf-cache', gateway, { ...urlEnv, NLF_RESPONSE_CACHE: 'on' });
      const label = 'this gateway, response cache on, following announced data versions (the default)';
      systems.push({ name: 'nlf-cache', label, url: `http://127.0.0.1:${port}/graphql`, pid, apq: true, metrics: subgraphMetrics, cached: true });
    }
    if (want('nlf-checked')) {
      const { port, pid } = await start('nlf-checked', gateway, { ...urlEnv, NLF_RESPONSE_CACHE: 'on', NLF_CACHE_FRESHNESS: 'checked' });
      const label = 'this gateway, response cache on, every read checks the data versions (NLF_CACHE_FRESHNESS=checked)';
      systems.push({ name: 'nlf-checked', label, url: `http://127.0.0.1:${port}/graphql`, pid, apq: true, metrics: subgraphMetrics, cached: true });
    }
    if (want('nlf-unshared')) {
      const { port, pid } = await start('nlf-unshared', gateway, { ...urlEnv, NLF_RESPONSE_CACHE: 'off', NLF_INFLIGHT_SHARING: 'off' });
      const label = 'this gateway, cache off and in-flight sharing off (the lever measured alone)';
      systems.push({ name: 'nlf-unshared', label, url: `http://127.0.0.1:${port}/graphql`, pid, apq: true, metrics: subgraphMetrics, scenarios: ['cross-union', 'one-organisation'] });
    }
    if (want('apollo-stock')) {
      const { port, pid } = await start('apollo-stock', system('stockApollo.js'), { BENCH_SUBGRAPH_URLS: JSON.stringify(subgraphUrls), BENCH_SUPERGRAPH: SUPERGRAPH });
      systems.push({ name: 'apollo-stock', label: 'stock @apollo/gateway 2.14, defaults', url: `http://127.0.0.1:${port}/graphql`, pid, apq: true, metrics: subgraphMetrics });
    }
    if (want('hive-rust')) {
      try {
        const registry = await start('registry', system('registry.js'), {});
        // The supergraph names the config's URLs; Hive must call the running subgraphs and registry.
        let sdl = readFileSync(SUPERGRAPH, 'utf8');
        sdl = sdl.replace(config.registry.url, `http://127.0.0.1:${registry.port}/`);
        for (const s of subgraphs) sdl = sdl.replace(s.url, subgraphUrls[s.name]!);
        const hiveSupergraph = join(DATA_DIR, 'supergraph.hive.graphql');
        writeFileSync(hiveSupergraph, sdl);
        const { port, pid } = await start('hive-rust', system('hive.js'), { BENCH_SUPERGRAPH: hiveSupergraph, BENCH_SUBGRAPH_URLS: JSON.stringify(subgraphUrls) });
        systems.push({ name: 'hive-rust', label: 'Hive Gateway + Rust planner (router-runtime)', url: `http://127.0.0.1:${port}/graphql`, pid, apq: false, metrics: subgraphMetrics });
      } catch (error) {
        log(`Hive Gateway could not start, left out: ${(error as Error).message.split('\n')[0]}`);
      }
    }
    if (want('monolith')) {
      const metricsPort = await findFreePort();
      const { port, pid } = await start('monolith', system('monolith.js'), {
        BENCH_DATABASE_URLS: JSON.stringify(databases.urls), BENCH_SUPERGRAPH: SUPERGRAPH, METRICS_PORT: String(metricsPort),
      });
      systems.push({ name: 'monolith', label: 'monolith @apollo/server, no federation (verifies the bearer token itself)', url: `http://127.0.0.1:${port}/graphql`, pid, apq: true, metrics: [`http://127.0.0.1:${metricsPort}/`] });
    }
    return {
      systems,
      federation,
      issuerPrivateKey: keys.issuer.privateKey,
      staffToken: await issueToken(keys.issuer.privateKey, { role: 'union-staff', organisationId: LARGEST_UNION, subject: 'bench@lederne' }),
      startBare: async (bodies) => {
        const file = join(DATA_DIR, 'bare-bodies.json');
        writeFileSync(file, JSON.stringify(bodies));
        const { port, pid } = await start('bare', system('bare.js'), { BENCH_BODIES: file });
        return { name: 'bare', label: 'bare node:http, fixed body of the same size', url: `http://127.0.0.1:${port}`, pid, apq: false, metrics: [] };
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
