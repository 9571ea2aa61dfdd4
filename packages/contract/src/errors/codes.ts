/**
 * Every `extensions.code` this federation answers with. Clients may branch on these; they never change meaning.
 */
export const ErrorCode = {
  /** `first` above the maximum page size. */
  PAGE_SIZE_EXCEEDED: 'PAGE_SIZE_EXCEEDED',
  /** A pagination cursor that this server did not issue. */
  INVALID_CURSOR: 'INVALID_CURSOR',
  /** Any other invalid argument, e.g. a variable of the wrong type (Apollo Server's own code). */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** A required text is empty or blank; `field` names it. */
  VALUE_REQUIRED: 'VALUE_REQUIRED',
  /** A text is shorter than allowed (e.g. a member search under 2 characters); `field` names it, `minimum` gives the limit in characters. */
  VALUE_TOO_SHORT: 'VALUE_TOO_SHORT',
  /** A text is longer than allowed; `field` names it, `maximum` gives the limit in characters. */
  VALUE_TOO_LONG: 'VALUE_TOO_LONG',
  /** A date that is not a calendar date written YYYY-MM-DD; `field` names it. */
  INVALID_DATE: 'INVALID_DATE',
  /** An organisation id that no subgraph of the federation serves; `field` names where it was given. */
  UNKNOWN_ORGANISATION: 'UNKNOWN_ORGANISATION',
  /** A language the source search has no configuration for; `field` names it, `allowed` lists those it has. */
  UNKNOWN_LANGUAGE: 'UNKNOWN_LANGUAGE',
  /** A work group, meeting, topic or decision id that does not exist; `field` names it. */
  NOT_FOUND: 'NOT_FOUND',
  /** An organisation given twice, or already a participant; `field` names it. */
  DUPLICATE_PARTICIPANT: 'DUPLICATE_PARTICIPANT',
  /** An organisation that does not take part in the work group; `field` names it. */
  NOT_A_PARTICIPANT: 'NOT_A_PARTICIPANT',
  /** The organisation that runs a work group's secretariat cannot leave it. */
  SECRETARIAT_REQUIRED: 'SECRETARIAT_REQUIRED',
  /** A status change that skips a step or goes back (PROPOSED → IN_PROGRESS → DONE); `allowed` lists the next statuses. */
  INVALID_STATUS_TRANSITION: 'INVALID_STATUS_TRANSITION',
  /** Someone changed the item since `expectedVersion` was read; `currentVersion` says what it is now. Re-read, then retry. */
  VERSION_CONFLICT: 'VERSION_CONFLICT',
  /** A subgraph did not answer; the gateway's error names the subgraph, never its address. */
  SUBGRAPH_UNAVAILABLE: 'SUBGRAPH_UNAVAILABLE',
  /** No valid credentials: a bearer token that is expired, wrongly signed, of another issuer... */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** The caller may not see this field; the rest of the response still comes back. */
  FORBIDDEN: 'FORBIDDEN',
  /** A subgraph was called without a valid signature of the federation gateway. */
  GATEWAY_SIGNATURE_INVALID: 'GATEWAY_SIGNATURE_INVALID',
  /** A subgraph's TLS door was called without a client certificate of the routers' CA; HTTP 401. */
  ROUTER_CERTIFICATE_REQUIRED: 'ROUTER_CERTIFICATE_REQUIRED',
  /** A subgraph did not answer within the gateway's fetch timeout. */
  SUBGRAPH_TIMEOUT: 'SUBGRAPH_TIMEOUT',
  /** The operation nests deeper than the maximum depth. */
  DEPTH_LIMIT_EXCEEDED: 'DEPTH_LIMIT_EXCEEDED',
  /** The operation's estimated cost is above the maximum. */
  COST_LIMIT_EXCEEDED: 'COST_LIMIT_EXCEEDED',
  /**
   * The operation fans out too far to plan: its estimated planning fan-out (hops through abstract
   * types such as Organisation, times their implementations) is above the limit, or the query
   * planner's own limit on alternatives stopped it. `limit` and `actual` say which numbers.
   */
  OPERATION_TOO_COMPLEX: 'OPERATION_TOO_COMPLEX',
  /** The document holds more lexical tokens than allowed (`limit` gives the number); refused while it is parsed, HTTP 400. */
  TOKEN_LIMIT_EXCEEDED: 'TOKEN_LIMIT_EXCEEDED',
  /** The operation uses more aliases than allowed. */
  ALIAS_LIMIT_EXCEEDED: 'ALIAS_LIMIT_EXCEEDED',
  /** More operations in one batched HTTP request than allowed. */
  BATCH_LIMIT_EXCEEDED: 'BATCH_LIMIT_EXCEEDED',
  /** The request body is larger than allowed. */
  REQUEST_TOO_LARGE: 'REQUEST_TOO_LARGE',
  /** Too many requests from one identity; retry after the time the error gives. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** This caller may only run registered persisted operations. */
  PERSISTED_QUERY_REQUIRED: 'PERSISTED_QUERY_REQUIRED',
  /** A text holds a character that cannot be stored (U+0000); `field` names where it was given. */
  INVALID_CHARACTER: 'INVALID_CHARACTER',
  /** The variables nest deeper than any input of the schema can (`limit` gives the depth); HTTP 400. */
  VARIABLES_TOO_DEEP: 'VARIABLES_TOO_DEEP',
  /** A subscription: the federation serves queries and mutations only; HTTP 400. */
  OPERATION_NOT_SUPPORTED: 'OPERATION_NOT_SUPPORTED',
  /** No operation to run: `operationName` names none in the document, or several operations and no name; HTTP 400. */
  OPERATION_RESOLUTION_FAILURE: 'OPERATION_RESOLUTION_FAILURE',
  /** The request body or parameters are not a GraphQL request (no query, variables not an object...); HTTP 400. */
  BAD_REQUEST: 'BAD_REQUEST',
  /** The query text is not GraphQL; HTTP 400. */
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  /** The operation does not fit the schema (an unknown field, a missing argument...); HTTP 400. */
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  /** No registered operation has the id in `extensions.persistedQuery.sha256Hash`; HTTP 404. */
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  /** This server takes no persisted queries (a subgraph); HTTP 200, as Apollo clients expect. */
  PERSISTED_QUERY_NOT_SUPPORTED: 'PERSISTED_QUERY_NOT_SUPPORTED',
  /** `extensions.persistedQuery` is unusable: a version other than 1, or a query whose SHA-256 is not the hash given; HTTP 400. */
  PERSISTED_QUERY_INVALID: 'PERSISTED_QUERY_INVALID',
  /** Something failed inside a server; details are logged there with the request id, never sent. */
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const CALLER_CODES = new Set<string>(Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR));

/**
 * Whether an error with this code is about the request, and its message written for the caller:
 * any catalogue code but INTERNAL_SERVER_ERROR, which is what a server labels everything else with.
 */
export function isCallerErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && CALLER_CODES.has(code);
}

/**
 * Codes of a request refused as a whole for a reason the request alone decides, with the caller's role
 * and the supergraph in force: the same request is refused the same way every time, so the gateway
 * may remember the refusal and answer it again without reading the request (gateway/src/limits/
 * refusalMemo.ts). Never a code that depends on time, load or stored data (RATE_LIMITED,
 * UNAUTHENTICATED for an expired token, SUBGRAPH_UNAVAILABLE, NOT_FOUND...).
 */
const REFUSALS_FIXED_BY_REQUEST = new Set<string>([
  ErrorCode.TOKEN_LIMIT_EXCEEDED,
  ErrorCode.DEPTH_LIMIT_EXCEEDED,
  ErrorCode.COST_LIMIT_EXCEEDED,
  ErrorCode.OPERATION_TOO_COMPLEX,
  ErrorCode.ALIAS_LIMIT_EXCEEDED,
  ErrorCode.BATCH_LIMIT_EXCEEDED,
  ErrorCode.PERSISTED_QUERY_REQUIRED,
  ErrorCode.INVALID_CHARACTER,
  ErrorCode.VARIABLES_TOO_DEEP,
  ErrorCode.OPERATION_NOT_SUPPORTED,
  ErrorCode.OPERATION_RESOLUTION_FAILURE,
  ErrorCode.BAD_REQUEST,
  ErrorCode.GRAPHQL_PARSE_FAILED,
  ErrorCode.GRAPHQL_VALIDATION_FAILED,
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.PERSISTED_QUERY_INVALID,
]);

/** Whether a request-level refusal with this code would refuse the very same request again (REFUSALS_FIXED_BY_REQUEST). */
export function isRefusalFixedByRequest(code: unknown): boolean {
  return typeof code === 'string' && REFUSALS_FIXED_BY_REQUEST.has(code);
}
