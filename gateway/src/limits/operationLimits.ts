import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode, FederationError } from '@nlf/schema';
import { Kind, type FragmentDefinitionNode } from 'graphql';
import { measureOperation } from './operationCost';

export interface OperationLimitsOptions {
  /** Deepest nesting of fields. Default: 12. */
  maxDepth?: number;
  /** Most aliased fields in one operation. Default: 30. */
  maxAliases?: number;
  /** Highest estimated cost (fields resolved, lists multiplied by `first` or defaultListSize). Default: 50 000. */
  maxCost?: number;
  /** Size assumed for a list without `first`. Default: 20. */
  defaultListSize?: number;
}

export const DEFAULT_OPERATION_LIMITS: Required<OperationLimitsOptions> = {
  maxDepth: 12,
  maxAliases: 30,
  maxCost: 50_000,
  defaultListSize: 20,
};

class LimitError extends FederationError {
  constructor(message: string, code: ErrorCode, limit: number, actual: number) {
    super(message, code, { limit, actual, http: { status: 400 } });
  }
}

/** Refuses an operation above the depth, alias or cost limit before any subgraph is called. */
export function operationLimitsPlugin(options: OperationLimitsOptions = {}): ApolloServerPlugin {
  const limits = { ...DEFAULT_OPERATION_LIMITS, ...options };
  // Apollo Server hands the same document object for the same query text (its document store), and
  // the measure depends only on it, the operation and the variables: measured once per combination.
  const measured = new WeakMap<object, Map<string, ReturnType<typeof measureOperation>>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, schema, request }) {
          if (!operation) return;
          let byVariables = measured.get(document);
          if (!byVariables) measured.set(document, (byVariables = new Map()));
          const key = JSON.stringify([operation.name?.value ?? null, request.variables ?? {}]);
          let measure = byVariables.get(key);
          if (!measure) {
            const fragments: Record<string, FragmentDefinitionNode> = {};
            for (const definition of document.definitions) {
              if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
            }
            measure = measureOperation(schema, operation, fragments, request.variables ?? {}, limits);
            // Bounded: a caller varying variables endlessly must not grow this without limit.
            if (byVariables.size >= 100) byVariables.clear();
            byVariables.set(key, measure);
          }
          if (measure.depth > limits.maxDepth) {
            throw new LimitError(`The operation nests ${measure.depth} levels deep; the limit is ${limits.maxDepth}`, ErrorCode.DEPTH_LIMIT_EXCEEDED, limits.maxDepth, measure.depth);
          }
          if (measure.aliases > limits.maxAliases) {
            throw new LimitError(`The operation uses ${measure.aliases} aliases; the limit is ${limits.maxAliases}`, ErrorCode.ALIAS_LIMIT_EXCEEDED, limits.maxAliases, measure.aliases);
          }
          if (measure.cost > limits.maxCost) {
            throw new LimitError(`The operation's estimated cost is ${measure.cost}; the limit is ${limits.maxCost}`, ErrorCode.COST_LIMIT_EXCEEDED, limits.maxCost, measure.cost);
          }
        },
      };
    },
  };
}
