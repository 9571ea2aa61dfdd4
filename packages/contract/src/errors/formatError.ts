import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import { ErrorCode, isCallerErrorCode } from './codes';

export interface FormatErrorOptions {
  /** Let stack traces and internal messages through. Default: false, whatever NODE_ENV says. */
  debug?: boolean;
}

/** The one answer a caller gets for anything that is not its own mistake. */
export const INTERNAL_ERROR_MESSAGE = 'Internal server error';

/**
 * Apollo Server hides stack traces only under NODE_ENV production/test, passes any thrown message on
 * (a SQL statement with the caller's values included) and labels every error without a code
 * INTERNAL_SERVER_ERROR. This keeps an error as it is only when its code is a catalogue code about
 * the request (isCallerErrorCode) and replaces everything else with a fixed internal error, always
 * without a stack trace. internalErrorLogPlugin logs what is replaced.
 */
export function createFormatError(options: FormatErrorOptions = {}) {
  return (formatted: GraphQLFormattedError): GraphQLFormattedError => {
    if (options.debug) return formatted;
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    if (isCallerErrorCode(extensions.code)) return { ...formatted, extensions };
    return {
      message: INTERNAL_ERROR_MESSAGE,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

/** What is logged of an error the caller does not see. */
export interface MaskedError {
  requestId?: string;
  operationName?: string | null;
  path?: readonly (string | number)[];
  /** The subgraph that answered with it, when the gateway received it from one. */
  serviceName?: unknown;
  error: unknown;
}

/**
 * Logs, with the request's id, every error that createFormatError replaces: the details stay on
 * the server, where the caller's request id finds them. Reads the id from the context's `requestId`.
 */
export function internalErrorLogPlugin(log: (masked: MaskedError) => void): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors as readonly GraphQLError[]) {
            if (isCallerErrorCode(error.extensions?.code)) continue;
            log({
              requestId: (contextValue as { requestId?: string }).requestId,
              operationName,
              path: error.path,
              serviceName: error.extensions?.serviceName,
              error: error.originalError ?? error,
            });
          }
        },
      };
    },
  };
}
