import { LocalGraphQLDataSource } from '@apollo/gateway';
import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { ANONYMOUS } from '@nlf/contract';
import { createLogger, type Logger } from '@nlf/kit';
import { parse } from 'graphql';
import { Writable } from 'node:stream';
import type { ResponseCache } from '../../cache/responseCache';
import { GuardedGateway } from '../../limits/plannerGuard';
import { createGateway, type CreatedGateway } from '../createGateway';
import type { GatewayPlugin } from '../gatewayPlugin';

/** The one subgraph of the test gateway, answered in the process (LocalGraphQLDataSource). */
export const SUBGRAPH = 'things';

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query {
    "Counts its executions: each answer names the one that made it."
    count: Int!
    "A field the tests take as personal."
    secret: String!
    "Waits until the test opens the gate, so that requests are in flight together."
    slow: Int!
    "Fails with an internal error."
    broken: Int
    thing: Thing!
  }
  type Thing { id: ID! child: Thing! }
`);

export interface LocalGateway {
  url: string;
  /** Executions of the subgraph's root fields so far. */
  executions(): number;
  /** Resolves once `count` executions of `slow` have started. */
  slowStarted(count: number): Promise<void>;
  /** Lets every waiting `slow` finish. */
  openGate(): void;
  /** Every JSON line the gateway logged. */
  logLines(): Record<string, unknown>[];
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; headers: Record<string, string>; json: any }>;
  get(search: string, headers?: Record<string, string>): Promise<{ status: number; headers: Record<string, string>; json: any }>;
  close(): Promise<void>;
}

export interface LocalGatewayOptions {
  /** What a request meets, after a caller is set (anonymous unless x-test-role says otherwise); given the gateway's logger. */
  plugins: GatewayPlugin[] | ((logger: Logger) => GatewayPlugin[]);
  /** Told which subgraphs each query plan used. Default: none. */
  responseCache?: ResponseCache;
}

/**
 * createGateway over one tiny subgraph in the process, bound to a free port on 127.0.0.1: the
 * plugins meet real requests as the gateway serves them, without any subgraph server.
 */
export async function startLocalGateway(options: LocalGatewayOptions): Promise<LocalGateway> {
  let executions = 0;
  const slowWaiting: (() => void)[] = [];
  let slowCount = 0;
  let onSlow: (() => void) | undefined;
  const schema = buildSubgraphSchema({
    typeDefs,
    resolvers: {
      Query: {
        count: () => ++executions,
        secret: () => `secret ${++executions}`,
        slow: async () => {
          executions += 1;
          slowCount += 1;
          onSlow?.();
          await new Promise<void>((resolve) => slowWaiting.push(resolve));
          return slowCount;
        },
        broken: () => {
          throw new Error('the subgraph broke');
        },
        thing: () => ({ id: '1' }),
      },
      Thing: { child: () => ({ id: '2' }) },
    },
  });
  const composed = composeServices([{ name: SUBGRAPH, url: `http://${SUBGRAPH}.invalid/graphql`, typeDefs }]);
  if (composed.errors) throw composed.errors[0];
  const gateway = new GuardedGateway({
    supergraphSdl: composed.supergraphSdl,
    pathsLimit: 32,
    refusalsKept: 100,
    experimental_didResolveQueryPlan: options.responseCache?.didResolveQueryPlan,
    buildService: () => new LocalGraphQLDataSource(schema),
  });
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const logger: Logger = createLogger({ service: 'gateway', destination });
  // What authentication gives the real gateway: the caller, here named by a test header.
  const caller: GatewayPlugin = {
    name: 'test caller',
    hooks: [{
      onRequest: async (request) => {
        const role = request.headers['x-test-role'];
        request.viewer = typeof role === 'string' ? { subject: 'tester', role: role as never, organisationId: 'lederne' } : ANONYMOUS;
      },
    }],
  };
  const server: CreatedGateway = await createGateway({ gateway, plugins: [caller, ...(typeof options.plugins === 'function' ? options.plugins(logger) : options.plugins)], logger });
  const base = await server.app.listen({ host: '127.0.0.1', port: 0 });
  const answer = async (response: Response) => ({
    status: response.status,
    headers: Object.fromEntries(response.headers),
    json: await response.json(),
  });
  return {
    url: `${base}/graphql`,
    executions: () => executions,
    slowStarted: (count) =>
      new Promise<void>((resolve) => {
        const check = () => (slowCount >= count ? resolve() : (onSlow = check));
        check();
      }),
    openGate: () => {
      for (const resolve of slowWaiting.splice(0)) resolve();
    },
    logLines: () => lines,
    post: async (body, headers = {}) =>
      answer(await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })),
    get: async (search, headers = {}) => answer(await fetch(`${base}/graphql?${search}`, { headers: { 'apollo-require-preflight': 'true', ...headers } })),
    close: async () => {
      slowWaiting.splice(0).forEach((resolve) => resolve());
      await server.close();
      await gateway.stop();
    },
  };
}

/** For one test file: starts local gateways, each closed after the test that started it. */
export function localGatewayPerTest(): (options: LocalGatewayOptions) => Promise<LocalGateway> {
  const started: LocalGateway[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((gateway) => gateway.close()));
  });
  return async (options) => {
    const gateway = await startLocalGateway(options);
    started.push(gateway);
    return gateway;
  };
}
