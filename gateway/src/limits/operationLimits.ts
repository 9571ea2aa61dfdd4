import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode, FederationError } from '@nlf/contract';
import { Kind, type DocumentNode, type FragmentDefinitionNode, type ValueNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import { measureOperation, type OperationMeasure } from './operationCost';
import type { GatewayPlugin } from '../pipeline/gatewayPlugin';

export interface OperationLimits {
  /**
   * Most lexical tokens in a document, checked while it is parsed (graphql-js `maxTokens`), so no
   * document costs more to parse and validate than this many tokens do.
   */
  maxTokens: number;
  /** Deepest nesting of fields. */
  maxDepth: number;
  /** Most aliased fields in one operation. */
  maxAliases: number;
  /** Highest estimated cost (fields resolved, lists multiplied by `first` or defaultListSize). */
  maxCost: number;
  /** Highest estimated planning fan-out (operationCost.ts, `fanOut`). */
  maxFanOut: number;
  /** Size assumed for a list without `first`. */
  defaultListSize: number;
  /** Operations whose measures are kept (least recently used forgotten first). */
  measureCacheEntries: number;
}

export type OperationLimitsOptions = Partial<OperationLimits>;

export const DEFAULT_OPERATION_LIMITS: Readonly<OperationLimits> = Object.freeze({
  // Every operation of the dashboard, the README and the registered ones is under 200 tokens, and
  // the standard introspection query 163: ten times the largest leaves room for any real query.
  maxTokens: 2000,
  maxDepth: 12,
  maxAliases: 30,
  maxCost: 50_000,
  // 30 aliased lookups of an organisation (5 implementations each) fit; any three nested hops
  // through Organisation (5 + 25 + 125) do not, whatever else the operation asks.
  maxFanOut: 150,
  defaultListSize: 20,
  measureCacheEntries: 1000,
});

/** Every limit, the given ones over the defaults; an option given as undefined keeps its default. */
export function resolveOperationLimits(options: OperationLimitsOptions = {}): OperationLimits {
  const limits = { ...DEFAULT_OPERATION_LIMITS };
  for (const key of Object.keys(limits) as (keyof OperationLimits)[]) {
    const value = options[key];
    if (value !== undefined) limits[key] = value;
  }
  return limits;
}

class LimitError extends FederationError {
  constructor(message: string, code: ErrorCode, limit: number, actual: number) {
    super(message, code, { limit, actual, http: { status: 400 } });
  }
}

/** The first limit the measure is over, as the error that refuses it; none when within every limit. */
export function limitExceeded(measure: OperationMeasure, limits: OperationLimits): LimitError | undefined {
  if (measure.depth > limits.maxDepth) {
    return new LimitError(`The operation nests ${measure.depth} levels deep; the limit is ${limits.maxDepth}`, ErrorCode.DEPTH_LIMIT_EXCEEDED, limits.maxDepth, measure.depth);
  }
  if (measure.aliases > limits.maxAliases) {
    return new LimitError(`The operation uses ${measure.aliases} aliases; the limit is ${limits.maxAliases}`, ErrorCode.ALIAS_LIMIT_EXCEEDED, limits.maxAliases, measure.aliases);
  }
  if (measure.cost > limits.maxCost) {
    return new LimitError(`The operation's estimated cost is ${measure.cost}; the limit is ${limits.maxCost}`, ErrorCode.COST_LIMIT_EXCEEDED, limits.maxCost, measure.cost);
  }
  if (measure.fanOut > limits.maxFanOut) {
    return new LimitError(
      `The operation's estimated planning fan-out is ${measure.fanOut}; the limit is ${limits.maxFanOut}. Nest fewer hops through abstract types such as Organisation, or narrow them with fragments on concrete types`,
      ErrorCode.OPERATION_TOO_COMPLEX, limits.maxFanOut, measure.fanOut,
    );
  }
  return undefined;
}

/** Names of the variables that size lists (`first: $n`): the only ones a measure depends on. */
function sizingVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  const visit = (value: ValueNode) => {
    if (value.kind === Kind.VARIABLE) names.add(value.name.value);
  };
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const record = node as { kind?: string; name?: { value: string }; value?: ValueNode };
    if (record.kind === Kind.ARGUMENT && record.name?.value === 'first' && record.value) visit(record.value);
    for (const key of ['definitions', 'selectionSet', 'selections', 'arguments'] as const) walk((node as Record<string, unknown>)[key]);
  };
  walk(document);
  return [...names].sort();
}

/** graphql-js's words (sic) when a document has more tokens than `maxTokens`. */
const TOO_MANY_TOKENS = /^Syntax Error: Document contains more that \d+ tokens\. Parsing aborted\.$/;

/**
 * Refuses an operation above the depth, alias, cost or planning fan-out limit in
 * didResolveOperation: after validation, before the gateway plans it or calls any subgraph.
 */
export function operationLimitsPlugin(options: OperationLimitsOptions = {}): ApolloServerPlugin {
  const limits = resolveOperationLimits(options);
  // A measure depends on the document, the operation and the values of the variables that size
  // lists, nothing else: kept under that key, the variables' other values never enter it.
  let nextId = 0;
  const documents = new LRUCache<DocumentNode, { id: number; sizing: string[] }>({ max: limits.measureCacheEntries });
  const measures = new LRUCache<string, OperationMeasure>({ max: limits.measureCacheEntries });
  return {
    async requestDidStart() {
      return {
        // The parser stops at the token limit with a syntax error: given its own code and numbers.
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            if (error.extensions.code !== ErrorCode.GRAPHQL_PARSE_FAILED || !TOO_MANY_TOKENS.test(error.message)) continue;
            error.message = `The document has more than ${limits.maxTokens} tokens, the limit`;
            Object.assign(error.extensions, { code: ErrorCode.TOKEN_LIMIT_EXCEEDED, limit: limits.maxTokens });
          }
        },
        async didResolveOperation({ document, operation, schema, request }) {
          if (!operation) return;
          let known = documents.get(document);
          if (!known) documents.set(document, (known = { id: (nextId += 1), sizing: sizingVariables(document) }));
          const variables = request.variables ?? {};
          const sizes = known.sizing.map((name) => (typeof variables[name] === 'number' ? variables[name] : null));
          const key = `${known.id}\0${operation.name?.value ?? ''}\0${sizes.join(',')}`;
          let measure = measures.get(key);
          if (!measure) {
            const fragments: Record<string, FragmentDefinitionNode> = {};
            for (const definition of document.definitions) {
              if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
            }
            measure = measureOperation(schema, operation, fragments, variables, limits);
            measures.set(key, measure);
          }
          const refusal = limitExceeded(measure, limits);
          if (refusal) throw refusal;
        },
      };
    },
  };
}

/**
 * Depth, alias, cost and fan-out limits of an operation, checked once Apollo Server has parsed and
 * validated it (the token limit is the parser's own: `resolveOperationLimits(...).maxTokens`).
 * Each option not given keeps its default (DEFAULT_OPERATION_LIMITS).
 */
export function useOperationLimits(options: OperationLimitsOptions = {}): GatewayPlugin {
  return {
    name: 'operation limits',
    // Parsing stops at the token limit, before the document is walked by anything else.
    parseOptions: { maxTokens: resolveOperationLimits(options).maxTokens },
    apolloPlugins: [operationLimitsPlugin(options)],
  };
}
