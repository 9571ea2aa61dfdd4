import {
  getNamedType, isListType, isNonNullType, isObjectType, isInterfaceType, Kind, valueFromASTUntyped,
  type FragmentDefinitionNode, type GraphQLField, type GraphQLOutputType, type GraphQLSchema, type OperationDefinitionNode,
  type SelectionSetNode, type GraphQLCompositeType, isUnionType,
} from 'graphql';

export interface OperationMeasure {
  /** Deepest nesting of fields (introspection fields not counted). */
  depth: number;
  /** Fields asked for under another name. */
  aliases: number;
  /** Estimated fields resolved: each field 1, times the size of every list it is inside. */
  cost: number;
}

export interface CostOptions {
  /** Assumed size of a list without a `first` argument. */
  defaultListSize: number;
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

function fieldOf(type: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  return isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
}

/**
 * Measures an operation before it runs: a static estimate, so a caller cannot make the federation
 * do unbounded work (deep nesting, many aliases, lists of lists) whatever the data holds.
 */
export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  options: CostOptions,
): OperationMeasure {
  let aliases = 0;
  const listSize = (args: readonly { name: { value: string }; value: Parameters<typeof valueFromASTUntyped>[0] }[]) => {
    const first = args.find((arg) => arg.name.value === 'first');
    const value = first ? valueFromASTUntyped(first.value, variables) : undefined;
    return typeof value === 'number' && value >= 0 ? value : options.defaultListSize;
  };

  // A connection's `first` sizes its `edges` list, one level down.
  const walk = (
    set: SelectionSetNode,
    type: GraphQLCompositeType,
    visited: Set<string>,
    connectionSize?: number,
  ): { depth: number; cost: number } => {
    let depth = 0;
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name.startsWith('__')) continue;
        if (selection.alias && selection.alias.value !== name) aliases += 1;
        const field = fieldOf(type, name);
        const args = selection.arguments ?? [];
        const list = field ? isList(field.type) : false;
        const multiplier = !list ? 1 : name === 'edges' && connectionSize !== undefined ? connectionSize : listSize(args);
        const pageSize = !list && args.some((arg) => arg.name.value === 'first') ? listSize(args) : undefined;
        let below = { depth: 0, cost: 0 };
        if (selection.selectionSet && field) {
          below = walk(selection.selectionSet, getNamedType(field.type) as GraphQLCompositeType, visited, pageSize);
        }
        depth = Math.max(depth, 1 + below.depth);
        cost += multiplier * (1 + below.cost);
      } else {
        const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments[selection.name.value] : selection;
        if (!fragment) continue;
        // A fragment that spreads itself is a validation error; guard anyway so measuring never loops.
        const key = selection.kind === Kind.FRAGMENT_SPREAD ? selection.name.value : undefined;
        if (key && visited.has(key)) continue;
        const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : type;
        const target = condition && (isObjectType(condition) || isInterfaceType(condition) || isUnionType(condition)) ? condition : type;
        const inner = walk(fragment.selectionSet, target, key ? new Set([...visited, key]) : visited, connectionSize);
        depth = Math.max(depth, inner.depth);
        cost += inner.cost;
      }
    }
    return { depth, cost };
  };

  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  if (!root) return { depth: 0, aliases: 0, cost: 0 };
  const { depth, cost } = walk(operation.selectionSet, root, new Set());
  return { depth, aliases, cost };
}
