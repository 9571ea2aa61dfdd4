/**
 * Every `extensions.code` this federation answers with. Clients may branch on these; they never change meaning.
 */
export const ErrorCode = {
  /** `first` above the maximum page size. */
  PAGE_SIZE_EXCEEDED: 'PAGE_SIZE_EXCEEDED',
  /** A pagination cursor that this server did not issue. */
  INVALID_CURSOR: 'INVALID_CURSOR',
  /** Any other invalid argument. */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** A subgraph did not answer; the error names the subgraph, never its address. */
  SUBGRAPH_UNAVAILABLE: 'SUBGRAPH_UNAVAILABLE',
  /** Something failed inside a server; details are logged there, never sent. */
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
