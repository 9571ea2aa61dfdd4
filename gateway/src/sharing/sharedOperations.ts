import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyRequest } from 'fastify';
import { createShareableCheck, type PersonalFieldsSource } from '../cache/cachePolicy';
import { replayableHeaders, type SentReply } from '../cache/sentReply';
import type { GatewayRouteHooks } from '../pipeline/gatewayPlugin';

/** Response header of an answer that joined an identical request in flight. */
export const SHARED_HEADER = 'x-nlf-shared';

/** Per request: the request leads, and may tell the followers that its answer can be shared. */
export interface OperationLead {
  markShareable(): void;
}

interface Lead extends OperationLead {
  shareable: boolean;
  done: Promise<SentReply | undefined>;
  finish(reply: SentReply | undefined): void;
}

export interface SharedOperationsOptions {
  /** The fields the supergraph in force marks personal: an operation selecting one is never shared. Required. */
  personalFields: PersonalFieldsSource;
}

export interface SharedOperations {
  /** Marks a request's answer shareable once Apollo Server knows its operation. */
  plugin: ApolloServerPlugin;
  /**
   * Hooks of the GraphQL route, registered by the pipeline where its plugin stands in the list
   * (useInFlightSharing): a request whose key (caller's role and organisation, the exact request)
   * matches one in flight whose operation is shareable waits for that answer instead of running
   * again. `keyOf` gives the key, or undefined for a request that must run on its own.
   */
  routeHooks(keyOf: (request: FastifyRequest) => string | undefined): GatewayRouteHooks;
  stats(): { led: number; joined: number };
}

declare module 'fastify' {
  interface FastifyRequest {
    operationLead?: Lead;
  }
}

/**
 * Identical requests in flight at the same moment, from callers of the same role and organisation,
 * are answered by one execution: what dashboards polling the same indicators, or a secretariat's
 * many readers of one comparison, send. Nothing is kept once the answer is sent, so every answer
 * was computed while its request was in flight. Queries with personal fields always run on their
 * own, each read reaching the audit log; mutations never join anything.
 */
export function createSharedOperations(
  exchangeHeaders: ReadonlySet<string>,
  options: SharedOperationsOptions,
): SharedOperations {
  const isShareable = createShareableCheck(options.personalFields);
  const leads = new Map<string, Lead>();
  const counts = { led: 0, joined: 0 };

  const plugin: ApolloServerPlugin = {
    async requestDidStart({ contextValue }) {
      const lead = (contextValue as { operationLead?: OperationLead } | undefined)?.operationLead;
      if (!lead) return;
      return {
        async didResolveOperation({ document, operation, queryHash }) {
          if (operation && isShareable(queryHash, () => ({ document, operation }))) lead.markShareable();
        },
      };
    },
  };

  const routeHooks: SharedOperations['routeHooks'] = (keyOf) => {
    // Whatever ended the request (an error before sending, a client gone), followers stop waiting.
    const release = async (request: FastifyRequest) => request.operationLead?.finish(undefined);
    return {
      preHandler: async (request, reply) => {
        const key = keyOf(request);
        if (key === undefined) return;
        const leading = leads.get(key);
        if (leading) {
          // A lead whose operation is not yet known, or not shareable: run on our own.
          if (!leading.shareable) return;
          const shared = await leading.done;
          if (!shared) return;
          counts.joined += 1;
          return reply.code(shared.status ?? 200).headers(shared.headers).header(SHARED_HEADER, 'joined').send(shared.payload);
        }
        let finish!: (reply: SentReply | undefined) => void;
        const lead: Lead = {
          shareable: false,
          done: new Promise((resolve) => (finish = resolve)),
          markShareable: () => {
            lead.shareable = true;
          },
          finish: (shared) => {
            if (leads.get(key) === lead) leads.delete(key);
            finish(shared);
          },
        };
        leads.set(key, lead);
        counts.led += 1;
        request.operationLead = lead;
      },
      onSend: async (request, reply, payload) => {
        const lead = request.operationLead;
        if (!lead) return;
        const complete = lead.shareable && typeof payload === 'string' && reply.statusCode < 500;
        lead.finish(complete ? { status: reply.statusCode, payload: Buffer.from(payload as string), headers: replayableHeaders(reply, exchangeHeaders) } : undefined);
      },
      onResponse: release,
      onRequestAbort: release,
    };
  };

  return { plugin, routeHooks, stats: () => ({ ...counts }) };
}
