import { startFederation, type RunningFederation } from '@nlf/stack';
import { harnessState } from './state';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestFederation {
  url: string;
  running: RunningFederation;
  /** POSTs a query to the gateway the way a client does. */
  query<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** GET on the gateway, e.g. /ready. */
  get(path: string): Promise<{ status: number; body: any }>;
  /** A counter from one subgraph's /metrics, e.g. nlf_sql_statements_total. */
  metric(subgraph: string, name: string): Promise<number>;
  stop(): Promise<void>;
}

const quietOrShown = (line: string) => {
  if (process.env.NLF_TEST_VERBOSE === '1') process.stderr.write(`${line}\n`);
};

/**
 * Every union subgraph as its own process on the seeded test databases, and the gateway, on free
 * ports on 127.0.0.1. NODE_ENV is "development" on purpose: nothing may leak whatever it says.
 */
export async function startTestFederation(options: { log?: (line: string) => void; env?: NodeJS.ProcessEnv } = {}): Promise<TestFederation> {
  const running = await startFederation({
    databaseUrls: harnessState().databaseUrls,
    subgraphPorts: 'free',
    gatewayPort: 0,
    env: { NODE_ENV: 'development', ...options.env },
    log: (line) => {
      options.log?.(line);
      quietOrShown(line);
    },
  });
  const origin = new URL(running.gatewayUrl).origin;
  return {
    url: running.gatewayUrl,
    running,
    query: async (query, variables) => {
      const response = await fetch(running.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
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
    stop: () => running.stop(),
  };
}
