import { ensureLocalKeys, issueToken, startFederation, type LocalKeys, type RunningFederation } from '@nlf/stack';
import { createIsolatedDatabase, type IsolatedDatabase } from '../cache/isolatedDatabase';
import { UNION_SUBGRAPHS } from './domain';
import { harnessState } from './state';

/** Who a test request is made as: a role, and for union staff their organisation. */
export type Caller =
  | { role: 'union-staff'; org: string }
  | { role: 'secretariat'; org?: string }
  | { role: 'dashboard' }
  | { token: string };

export interface RequestOptions {
  /** Default: anonymous. */
  as?: Caller;
  headers?: Record<string, string>;
}

export interface GraphQLResponse<T = any> {
  status: number;
  /** The gateway's response headers (e.g. x-nlf-cache). */
  headers?: Headers;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestFederation {
  url: string;
  running: RunningFederation;
  keys: LocalKeys;
  /** POSTs a query to the gateway the way a client does. */
  query<T = any>(query: string, variables?: Record<string, unknown>, options?: RequestOptions): Promise<GraphQLResponse<T>>;
  /** A bearer token of the test run's issuer. */
  token(caller: Exclude<Caller, { token: string }>): Promise<string>;
  /** GET on the gateway, e.g. /ready. */
  get(path: string): Promise<{ status: number; body: any }>;
  /** A counter from one subgraph's /metrics, e.g. nlf_sql_statements_total. */
  metric(subgraph: string, name: string): Promise<number>;
  /**
   * How much a counter of each subgraph (default: the union subgraphs) grew while `action` ran, and
   * the sum of those.
   */
  growthDuring(name: string, action: () => Promise<unknown>, subgraphs?: string[]): Promise<{ bySubgraph: Record<string, number>; total: number }>;
  stop(): Promise<void>;
}

/** What a scenario needs of a router: queries as a caller, and the run's tokens. */
export type QueryFunction = TestFederation['query'];

/** POSTs queries to one GraphQL URL the way a client does, as the caller of `options.as`. */
export function graphQLClient(url: string, token: TestFederation['token']): QueryFunction {
  return async (query, variables, options = {}) => {
    const bearer = !options.as ? undefined : 'token' in options.as ? options.as.token : await token(options.as);
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        ...options.headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, headers: response.headers, ...((await response.json()) as object) };
  };
}

const quietOrShown = (line: string) => {
  if (process.env.NLF_TEST_VERBOSE === '1') process.stderr.write(`${line}\n`);
};

/**
 * Every union subgraph as its own process on the seeded test databases, and the gateway, on free
 * ports on 127.0.0.1. NODE_ENV is "development" on purpose: nothing may leak whatever it says.
 */
export async function startTestFederation(
  options: {
    databaseUrls?: Record<string, string>;
    env?: NodeJS.ProcessEnv;
    log?: (line: string) => void;
    /** 'standalone': the registry as a server of its own with its TLS door, for routers other than ours (startFederation). Default: 'embedded'. */
    registry?: 'embedded' | 'standalone';
  } = {},
): Promise<TestFederation> {
  const state = harnessState();
  const keys = await ensureLocalKeys(state.keysDir);
  const running = await startFederation({
    databaseUrls: { ...state.databaseUrls, ...options.databaseUrls },
    keys,
    subgraphPorts: 'free',
    gatewayPort: 0,
    registry: options.registry,
    env: { NODE_ENV: 'development', ...options.env },
    log: (line) => {
      options.log?.(line);
      quietOrShown(line);
    },
  });
  const origin = new URL(running.gatewayUrl).origin;
  const token = (caller: Exclude<Caller, { token: string }>) =>
    issueToken(keys.issuer.privateKey, { role: caller.role, organisationId: 'org' in caller ? caller.org : undefined });
  const federation: TestFederation = {
    url: running.gatewayUrl,
    running,
    keys,
    token,
    query: graphQLClient(running.gatewayUrl, token),
    get: async (path) => {
      const response = await fetch(origin + path);
      return { status: response.status, body: await response.json() };
    },
    metric: async (subgraph, name) => {
      const process = running.subgraphs[subgraph];
      if (!process) throw new Error(`no subgraph ${subgraph}`);
      const text = await (await fetch(new URL('/metrics', process.url))).text();
      const line = text.split('\n').find((l) => l.startsWith(`${name}{`));
      if (!line) throw new Error(`${subgraph} has no metric ${name}`);
      return Number(line.split(' ').at(-1));
    },
    growthDuring: async (name, action, subgraphs = UNION_SUBGRAPHS) => {
      const read = () => Promise.all(subgraphs.map((subgraph) => federation.metric(subgraph, name)));
      const before = await read();
      await action();
      const after = await read();
      const bySubgraph = Object.fromEntries(subgraphs.map((subgraph, i) => [subgraph, after[i]! - before[i]!]));
      return { bySubgraph, total: Object.values(bySubgraph).reduce((sum, grown) => sum + grown, 0) };
    },
    stop: () => running.stop(),
  };
  return federation;
}

/**
 * The federation for one test file: started before its tests, stopped after them.
 * `const federation = useTestFederation();` then `federation.query(...)` inside the tests.
 */
export function useTestFederation(options: Parameters<typeof startTestFederation>[0] = {}): TestFederation {
  let started: TestFederation | undefined;
  beforeAll(async () => {
    started = await startTestFederation(options);
  }, 180_000);
  afterAll(async () => {
    await started?.stop();
  });
  return startedInBeforeAll(() => started);
}

/**
 * useTestFederation with one subgraph on a database of this file's own (createIsolatedDatabase),
 * for a file whose writes must not change what the other files read from the shared seeded ones.
 */
export function useTestFederationOnOwnDatabase(subgraph: string): TestFederation {
  let own: IsolatedDatabase | undefined;
  let started: TestFederation | undefined;
  beforeAll(async () => {
    own = await createIsolatedDatabase(subgraph, {});
    started = await startTestFederation({ databaseUrls: { [subgraph]: own.url } });
  }, 180_000);
  afterAll(async () => {
    await started?.stop();
    await own?.drop();
  });
  return startedInBeforeAll(() => started);
}

function startedInBeforeAll(current: () => TestFederation | undefined): TestFederation {
  return new Proxy({} as TestFederation, {
    get: (_target, property) => {
      const started = current();
      if (!started) throw new Error('the federation starts in beforeAll: use it inside a test or hook');
      return started[property as keyof TestFederation];
    },
  });
}
