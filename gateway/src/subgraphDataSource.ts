import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { Fetcher } from '@apollo/utils.fetcher';
import { ANONYMOUS, ErrorCode, GATEWAY_SIGNATURE_HEADER, signGatewayRequest, type Viewer } from '@nlf/contract';
import { injectTraceContext, REQUEST_ID_HEADER } from '@nlf/kit';
import type { KeyLike } from 'jose';
import { Agent } from 'undici';
import type { CacheSlot } from './cache/responseCache';
import type { OperationLead } from './sharing/sharedOperations';
import type { SharedSubgraphCalls } from './sharing/sharedSubgraphCalls';
import { AnswerResponse, callSubgraph, isTimeout } from './subgraphHttp';

export interface SubgraphDataSourceOptions {
  /** Subgraph name, the only thing a client learns about a failing subgraph. */
  name: string;
  url: string;
  /** Keep-alive connection pool shared by every subgraph. */
  agent: Agent;
  /** The gateway's private key: every call carries its signature over the call and the caller. */
  signingKey: KeyLike;
  /** Longest a subgraph may take to answer. Default: 10 000 ms. */
  timeoutMs?: number;
  /** Receives the real cause of a failed subgraph call. Default: console.error. */
  onUnavailable?: (name: string, error: unknown) => void;
  /**
   * Where identical calls in flight are shared: queries without personal fields, from callers of the
   * same role and organisation, sent once while one is under way. Default: none, every call is sent.
   */
  inFlight?: SharedSubgraphCalls;
  /** With inFlight: whether a subgraph query may join another (createShareableSubgraphQuery, one for every subgraph). */
  isShareable?: (query: string) => boolean;
}

export interface GatewayContext {
  viewer?: Viewer;
  /** Carried to every subgraph and into every log line of the request. */
  requestId?: string;
  /** Where the response cache notes what a stored answer depends on. */
  cacheSlot?: CacheSlot;
  /** Set when identical requests in flight may join this one's answer. */
  operationLead?: OperationLead;
}

export const DEFAULT_SUBGRAPH_TIMEOUT_MS = 10_000;

/** One keep-alive pool for every subgraph call; @apollo/gateway's default client opens far more sockets. */
export function createSubgraphAgent(): Agent {
  return new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 120_000, connections: 64, pipelining: 1 });
}

/** What one subgraph call carries from the request's typed context (GatewayContext) to the fetcher. */
export interface CallContext {
  viewer: Viewer;
  /** The call may join an identical one in flight. */
  shareable: boolean;
}

const callContext = new AsyncLocalStorage<CallContext>();

/** A fetch that signs each request for one subgraph, over its method, path, exact body and the call's caller. */
export function signingFetcher(name: string, key: KeyLike, agent: Agent, timeoutMs: number, inFlight?: SharedSubgraphCalls): Fetcher {
  const send = async (url: string, method: string, headers: Record<string, string>, body: string, viewer: Viewer) => {
    const target = new URL(url);
    const signature = await signGatewayRequest(key, name, { method, path: target.pathname + target.search, body }, viewer);
    return callSubgraph(agent, target, method, { ...headers, [GATEWAY_SIGNATURE_HEADER]: signature }, body, timeoutMs);
  };
  return (async (url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) => {
    const { viewer, shareable } = callContext.getStore() ?? { viewer: ANONYMOUS, shareable: false };
    const headers = init.headers ?? {};
    const method = init.method ?? 'POST';
    const body = init.body ?? '';
    if (!inFlight || !shareable) return new AnswerResponse(url, await send(url, method, headers, body, viewer));
    // What a subgraph answers depends on the caller's role and organisation, never on who they are
    // beyond that for a query without personal fields: callers who share both may share the answer.
    const shareKey = JSON.stringify([name, url, viewer.role, viewer.organisationId, body]);
    return new AnswerResponse(url, await inFlight.run(shareKey, () => send(url, method, headers, body, viewer)));
  }) as unknown as Fetcher;
}

/**
 * A subgraph that cannot be reached (refused, reset, 5xx) answers as a GraphQL error with code
 * SUBGRAPH_UNAVAILABLE naming the subgraph, never its URL; one that is too slow, SUBGRAPH_TIMEOUT.
 * The gateway then returns null for what that subgraph would have resolved, and the rest as usual.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly subgraphName: string;
  private readonly timeoutMs: number;
  private readonly onUnavailable: (name: string, error: unknown) => void;
  private readonly isShareable: ((query: string) => boolean) | undefined;

  constructor(options: SubgraphDataSourceOptions) {
    const timeoutMs = options.timeoutMs ?? DEFAULT_SUBGRAPH_TIMEOUT_MS;
    super({ url: options.url, fetcher: signingFetcher(options.name, options.signingKey, options.agent, timeoutMs, options.inFlight) });
    this.isShareable = options.inFlight ? options.isShareable : undefined;
    this.subgraphName = options.name;
    this.timeoutMs = timeoutMs;
    this.onUnavailable = options.onUnavailable ?? ((name, error) => console.error(`subgraph ${name} unavailable:`, error));
  }

  /** The request id and trace context go to the subgraph, so its logs and spans join the gateway's. */
  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const context = 'context' in options ? options.context : undefined;
    const headers = options.request.http?.headers;
    if (typeof context?.requestId === 'string') headers?.set(REQUEST_ID_HEADER, context.requestId);
    injectTraceContext((name, value) => headers?.set(name, value));
  }

  /**
   * The call's caller, and whether it may be shared, go from the request's typed context to the
   * fetcher (which alone sees the exact body to sign) in the call's async context: the base class's
   * private sendRequest gives the fetcher nothing but the URL and the fetch init.
   */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const context = 'context' in options ? options.context : undefined;
    const query = options.request.query;
    const call: CallContext = {
      viewer: context?.viewer ?? ANONYMOUS,
      shareable: this.isShareable !== undefined && Boolean(query) && this.isShareable(query!),
    };
    try {
      return await callContext.run(call, () => super.process(options));
    } catch (error) {
      this.onUnavailable(this.subgraphName, error);
      const timedOut = isTimeout(error);
      const failure = (path?: (string | number)[]) => ({
        message: timedOut
          ? `Subgraph "${this.subgraphName}" did not answer within ${this.timeoutMs} ms`
          : `Subgraph "${this.subgraphName}" is unavailable`,
        ...(path ? { path } : {}),
        extensions: {
          code: timedOut ? ErrorCode.SUBGRAPH_TIMEOUT : ErrorCode.SUBGRAPH_UNAVAILABLE,
          subgraph: this.subgraphName,
          ...(timedOut ? { limitMs: this.timeoutMs } : {}),
        },
      });
      // One error per entity asked for, at the path the gateway maps back to where that entity
      // stands in the response (e.g. ["organisations", 0]), as if each had failed on its own.
      const representations = options.request.variables?.representations;
      const errors = Array.isArray(representations)
        ? representations.map((_, index) => failure(['_entities', index]))
        : [failure()];
      return { errors } as GatewayGraphQLResponse;
    }
  }
}
