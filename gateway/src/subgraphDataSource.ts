import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher } from '@apollo/utils.fetcher';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { ErrorCode, injectTraceContext, REQUEST_ID_HEADER } from '@nlf/schema';
import { Agent, fetch as undiciFetch } from 'undici';

export interface SubgraphDataSourceOptions {
  /** Subgraph name, the only thing a client learns about a failing subgraph. */
  name: string;
  url: string;
  /** Keep-alive connection pool shared by every subgraph. */
  agent: Agent;
  /** Receives the real cause of a failed subgraph call. Default: console.error. */
  onUnavailable?: (name: string, error: unknown) => void;
}

/** One keep-alive pool for every subgraph call; @apollo/gateway's default client opens far more sockets. */
export function createSubgraphAgent(): Agent {
  return new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 120_000, connections: 64, pipelining: 1 });
}

/**
 * A subgraph that cannot be reached (refused, reset, timed out, 5xx) answers as a GraphQL error with
 * code SUBGRAPH_UNAVAILABLE naming the subgraph, never its URL; the gateway then returns null for
 * what that subgraph would have resolved and the rest of the response as usual.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource {
  private readonly subgraphName: string;
  private readonly onUnavailable: (name: string, error: unknown) => void;

  constructor(options: SubgraphDataSourceOptions) {
    const fetcher = ((url: string, init?: Parameters<Fetcher>[1]) =>
      undiciFetch(url, { ...(init as object), dispatcher: options.agent })) as unknown as Fetcher;
    super({ url: options.url, fetcher });
    this.subgraphName = options.name;
    this.onUnavailable = options.onUnavailable ?? ((name, error) => console.error(`subgraph ${name} unavailable:`, error));
  }

  /** The request id and trace context go to the subgraph, so its logs and spans join the gateway's. */
  override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource['willSendRequest']>>[0]): void {
    const requestId = (context as { requestId?: unknown }).requestId;
    if (typeof requestId === 'string') request.http?.headers.set(REQUEST_ID_HEADER, requestId);
    injectTraceContext((name, value) => request.http?.headers.set(name, value));
  }

  override async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    try {
      return await super.process(options);
    } catch (error) {
      this.onUnavailable(this.subgraphName, error);
      const error_ = (path?: (string | number)[]) => ({
        message: `Subgraph "${this.subgraphName}" is unavailable`,
        ...(path ? { path } : {}),
        extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, subgraph: this.subgraphName },
      });
      // One error per entity asked for, at the path the gateway maps back to where that entity
      // stands in the response (e.g. ["organisations", 0]), as if each had failed on its own.
      const representations = options.request.variables?.representations;
      const errors = Array.isArray(representations)
        ? representations.map((_, index) => error_(['_entities', index]))
        : [error_()];
      return { errors } as GatewayGraphQLResponse;
    }
  }
}
