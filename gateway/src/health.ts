import { ANONYMOUS, gatewaySignatureHeaders } from '@nlf/contract';
import type { FastifyInstance } from 'fastify';
import type { KeyLike } from 'jose';
import { request } from 'undici';
import type { Agent } from 'undici';

export type SubgraphState = 'up' | 'down';

export interface SubgraphTarget {
  name: string;
  url: string;
}

/**
 * Asks each subgraph `{ __typename }`: any GraphQL server answers it, kit-built or not, and it
 * proves the GraphQL endpoint itself works, not only the process.
 */
const PROBE_BODY = '{"query":"{ __typename }"}';

export async function probeSubgraphs(
  targets: readonly SubgraphTarget[],
  agent: Agent,
  signingKey: KeyLike,
  timeoutMs = 1500,
): Promise<Record<string, SubgraphState>> {
  const states = await Promise.all(
    targets.map(async (target): Promise<[string, SubgraphState]> => {
      try {
        const signature = await gatewaySignatureHeaders(signingKey, target.name, target.url, PROBE_BODY, ANONYMOUS);
        const response = await request(target.url, {
          method: 'POST',
          dispatcher: agent,
          headers: { 'content-type': 'application/json', ...signature },
          body: PROBE_BODY,
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs,
        });
        const body = (await response.body.json()) as { data?: { __typename?: string } };
        return [target.name, response.statusCode === 200 && body.data?.__typename === 'Query' ? 'up' : 'down'];
      } catch {
        return [target.name, 'down'];
      }
    }),
  );
  return Object.fromEntries(states);
}

/** How old a probe's answer may be when /health or /ready reads it. */
export const PROBE_MAX_AGE_MS = 2000;

/**
 * The subgraphs' states from a probe at most `maxAgeMs` old: callers in between read the last
 * answer, and callers while a probe runs wait for that one, so any number of /health and /ready
 * requests cost at most one round of subgraph calls per `maxAgeMs`.
 */
export function createSharedProbe(probe: () => Promise<Record<string, SubgraphState>>, maxAgeMs = PROBE_MAX_AGE_MS, now = () => Date.now()) {
  let last: { at: number; states: Record<string, SubgraphState> } | undefined;
  let running: Promise<Record<string, SubgraphState>> | undefined;
  return (): Promise<Record<string, SubgraphState>> => {
    if (last && now() - last.at < maxAgeMs) return Promise.resolve(last.states);
    running ??= probe()
      .then((states) => {
        last = { at: now(), states };
        return states;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
}

export interface HealthRoutesOptions {
  /** The subgraphs to probe, as the supergraph in force names them. */
  targets(): SubgraphTarget[];
  agent: Agent;
  signingKey: KeyLike;
  /** What /health says of the supergraph in force (its version, a refused change). */
  supergraph(): unknown;
}

/**
 * GET /health (every subgraph's state and the supergraph's) and GET /ready (503 naming the
 * subgraphs that are down). However many callers ask, the subgraphs are probed at most once every
 * PROBE_MAX_AGE_MS.
 */
export function registerHealthRoutes(app: FastifyInstance, options: HealthRoutesOptions): void {
  const probe = createSharedProbe(() => probeSubgraphs(options.targets(), options.agent, options.signingKey));
  app.get('/health', async () => ({
    status: 'ok',
    subgraphs: await probe(),
    supergraph: options.supergraph(),
  }));
  app.get('/ready', async (_request, reply) => {
    const subgraphs = await probe();
    const down = Object.keys(subgraphs).filter((name) => subgraphs[name] !== 'up');
    return reply.code(down.length ? 503 : 200).send({ status: down.length ? 'unavailable' : 'ready', down, subgraphs });
  });
}
