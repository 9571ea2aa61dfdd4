import { createHash } from 'node:crypto';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ErrorCode, nulCharacterPlugin } from '@nlf/contract';
import type { GatewayPlugin } from '../pipeline/gatewayPlugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError } from 'graphql';

/**
 * Deepest nesting of a request's variables. No input of the schema nests more than a few levels;
 * a deeper value is refused before anything (the cache key, the limits, the variables' coercion)
 * walks it recursively.
 */
export const MAX_VARIABLES_DEPTH = 32;

/** How deep a JSON value nests, counted without recursion and given up at `limit + 1`. */
export function nestingDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, depth] = next;
    if (!item || typeof item !== 'object') continue;
    if (depth + 1 > deepest) deepest = depth + 1;
    if (deepest > limit) return deepest;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return deepest;
}

function variablesOf(params: unknown): unknown {
  const variables = (params as { variables?: unknown } | null)?.variables;
  if (typeof variables !== 'string') return variables;
  try {
    return JSON.parse(variables);
  } catch {
    return undefined;
  }
}

/** Refuses variables nested deeper than MAX_VARIABLES_DEPTH (VARIABLES_TOO_DEEP, HTTP 400), for GET, POST and every batched operation. */
export function refuseDeepVariables(request: FastifyRequest, reply: FastifyReply) {
  const params = request.method === 'GET' ? [request.query] : Array.isArray(request.body) ? request.body : [request.body];
  // Each operation's variables sit two levels into a batch: one for the list, one for the operation.
  if (!params.some((each) => nestingDepth(variablesOf(each), MAX_VARIABLES_DEPTH) > MAX_VARIABLES_DEPTH)) return;
  return reply.code(400).send({
    errors: [{
      message: `The variables nest more than ${MAX_VARIABLES_DEPTH} levels deep`,
      extensions: { code: ErrorCode.VARIABLES_TOO_DEEP, limit: MAX_VARIABLES_DEPTH },
    }],
  });
}

const refusal = (message: string, code: ErrorCode) => new GraphQLError(message, { extensions: { code, http: { status: 400 } } });

/**
 * Operations the gateway cannot run, refused as the caller's mistake (HTTP 400 with a catalogue
 * code) before the gateway's executor would fail on them with an internal error: no operation that
 * `operationName` selects, and subscriptions, which this federation does not serve. Must come first
 * in the plugin list, so that its refusal is the one answered.
 */
export function operationResolutionPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (!operation) {
            throw refusal(
              request.operationName
                ? `The document has no operation named "${request.operationName}"`
                : 'The document holds several operations: name the one to run in operationName',
              ErrorCode.OPERATION_RESOLUTION_FAILURE,
            );
          }
          if (operation.operation === 'subscription') {
            throw refusal('Subscriptions are not served; this API answers queries and mutations', ErrorCode.OPERATION_NOT_SUPPORTED);
          }
        },
      };
    },
  };
}

/**
 * Apollo Server refuses an unusable `extensions.persistedQuery` (a version other than 1, a hash
 * that is not the query's) with an error without a code, which would read as an internal error:
 * this gives those the code PERSISTED_QUERY_INVALID, judged from the request itself. An id that no
 * registered operation has is answered 404: the gateway registers nothing, so a retry cannot help.
 */
export function persistedQueryErrorsPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart({ request }) {
      const persisted = (request.extensions as { persistedQuery?: { version?: unknown; sha256Hash?: unknown } } | undefined)?.persistedQuery;
      if (!persisted) return;
      const invalid =
        persisted.version !== 1
          ? 'extensions.persistedQuery.version must be 1'
          : typeof request.query === 'string' && createHash('sha256').update(request.query).digest('hex') !== persisted.sha256Hash
            ? 'extensions.persistedQuery.sha256Hash is not the SHA-256 of the query sent'
            : undefined;
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            if (invalid && error.extensions.code === undefined && !error.path) {
              error.message = invalid;
              Object.assign(error.extensions, { code: ErrorCode.PERSISTED_QUERY_INVALID });
            }
          }
        },
        async willSendResponse({ response }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          if (errors?.[0]?.extensions?.code === ErrorCode.PERSISTED_QUERY_NOT_FOUND) response.http.status = 404;
        },
      };
    },
  };
}

/**
 * Checks of the request itself: variables nested too deep (HTTP, before anything walks them), and in
 * Apollo Server operations it cannot run, unusable persisted queries and NUL characters. No options.
 */
export function useRequestChecks(): GatewayPlugin {
  return {
    name: 'request checks',
    hooks: [{ preHandler: async (request, reply) => refuseDeepVariables(request, reply) }],
    // operationResolutionPlugin first among the plugins that refuse an operation: its refusal is the one answered.
    apolloPlugins: [operationResolutionPlugin(), persistedQueryErrorsPlugin(), nulCharacterPlugin()],
  };
}
