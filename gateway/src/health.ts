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
export async function probeSubgraphs(
  targets: readonly SubgraphTarget[],
  agent: Agent,
  timeoutMs = 1500,
): Promise<Record<string, SubgraphState>> {
  const states = await Promise.all(
    targets.map(async (target): Promise<[string, SubgraphState]> => {
      try {
        const response = await request(target.url, {
          method: 'POST',
          dispatcher: agent,
          headers: { 'content-type': 'application/json' },
          body: '{"query":"{ __typename }"}',
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
