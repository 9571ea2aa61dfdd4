import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from './codes';

export interface FormatErrorOptions {
  /** Let stack traces and internal messages through. Default: false, whatever NODE_ENV says. */
  debug?: boolean;
  /** Where masked errors are reported. Default: console.error. */
  log?: (error: unknown) => void;
}

const KNOWN_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Apollo Server hides stack traces only under NODE_ENV production/test, and passes any thrown
 * message on (a SQL error included). This keeps only errors with a known code as they are and
 * replaces everything else with a generic internal error, always without a stack trace.
 */
export function createFormatError(options: FormatErrorOptions = {}) {
  const log = options.log ?? ((error: unknown) => console.error(error));
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    if (options.debug) return formatted;
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    const code = typeof extensions.code === 'string' ? extensions.code : undefined;
    if (code && KNOWN_CODES.has(code)) {
      return { ...formatted, extensions };
    }
    log(error);
    return {
      message: 'Internal server error',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
