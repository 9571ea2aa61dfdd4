/** What a conformance run needs to know about the subgraph under test. */
export interface ConformanceOptions {
  /** The subgraph's GraphQL endpoint, e.g. http://127.0.0.1:4101/graphql. */
  url: string;
  /** The subgraph's own organisation type, e.g. "Lederne" (its typeName in the federation config). */
  typeName: string;
  /** The organisation ids the subgraph serves (its organisations in the federation config). */
  ids: string[];
  /** contract.graphql to compare with. Default: the one shipped in this package. */
  contractSdl?: string;
  /** Headers sent with every request. Default: none. */
  headers?: Record<string, string>;
  /**
   * Adds headers to each request from its body, e.g. the gateway's signature once subgraphs refuse
   * unsigned calls. Default: none.
   */
  signRequest?: (body: string) => Record<string, string> | Promise<Record<string, string>>;
  /**
   * The federation gateway's private key (PEM). With it the suite signs its calls as the gateway does
   * and also checks that the subgraph refuses unsigned ones. Default: none (calls go unsigned).
   */
  gatewayKey?: string;
  /** The subgraph's name in the federation config: the audience of the gateway's signature. Needed with gatewayKey. */
  subgraphName?: string;
  /** Checks run after the standard ones. Default: none. */
  checks?: ConformanceCheck[];
  /** Leader members read at most per organisation when walking the pages. Default: 300. */
  walkLimit?: number;
  /** Per-request timeout. Default: 10 s. */
  timeoutMs?: number;
}

export type OutcomeStatus = 'pass' | 'fail' | 'skip';

/** One finding, in plain words. */
export interface CheckOutcome {
  status: OutcomeStatus;
  message: string;
}

export interface GraphQLAnswer {
  status: number;
  data?: Record<string, any> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface CheckContext {
  options: ConformanceOptions;
  contractSdl: string;
  /** POSTs a query to the subgraph (signed when options.signRequest is set). */
  query(query: string, variables?: Record<string, unknown>, extraHeaders?: Record<string, string>): Promise<GraphQLAnswer>;
}

/** One area of the contract a subgraph must honour; the security issue's signing check is one of these. */
export interface ConformanceCheck {
  /** Short name, e.g. "schema", "pagination". */
  name: string;
  /** What it checks, in one sentence. */
  description: string;
  run(context: CheckContext): Promise<CheckOutcome[]>;
}

export interface CheckReport {
  name: string;
  description: string;
  outcomes: CheckOutcome[];
}

export interface ConformanceReport {
  url: string;
  typeName: string;
  ids: string[];
  checks: CheckReport[];
  passed: boolean;
}
