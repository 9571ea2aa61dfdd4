import {
  getNamedType, isAbstractType, isInterfaceType, isListType, isNonNullType, isObjectType, isUnionType, Kind,
  SchemaMetaFieldDef, TypeMetaFieldDef, TypeNameMetaFieldDef, valueFromASTUntyped,
  type FragmentDefinitionNode, type GraphQLCompositeType, type GraphQLField, type GraphQLNamedType, type GraphQLOutputType,
  type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode, type ValueNode,
} from 'graphql';

export interface OperationMeasure {
  /** Deepest nesting of fields, introspection fields included. */
  depth: number;
  /** Fields asked for under another name, counted once per time their selection is used. */
  aliases: number;
  /** Estimated fields resolved: each field 1, times the size of every list it is inside. */
  cost: number;
  /**
   * Estimated fan-out of query planning: every field whose type is abstract counts the concrete
   * types it may be, times those of every abstract type its path already passes through (an
   * inline fragment on a concrete type narrows that hop to 1). The planner explores its
   * alternatives per concrete type, so this grows with every hop through `Organisation` (five
   * implementations) however narrow the selection: three nested hops count at least 5 + 25 + 125.
   */
  fanOut: number;
}

export interface CostOptions {
  /** Assumed size of a list without a `first` argument. */
  defaultListSize: number;
}

/** What a selection set adds up to, relative to the place it is used (callers multiply). */
interface Part {
  depth: number;
  aliases: number;
  cost: number;
  fanOut: number;
}

const NONE: Part = { depth: 0, aliases: 0, cost: 0, fanOut: 0 };

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

function fieldOf(type: GraphQLCompositeType, name: string, root: boolean): GraphQLField<unknown, unknown> | undefined {
  // Introspection fields are not in getFields(): they are measured like any other field.
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
  if (root && name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
  if (root && name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  return isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
}

/** How many concrete types a value of this type may be: its implementations when abstract, else 1. */
function implementations(schema: GraphQLSchema, type: GraphQLNamedType): number {
  return isAbstractType(type) ? Math.max(1, schema.getPossibleTypes(type).length) : 1;
}

/**
 * Measures an operation before it runs: a static estimate, so a caller cannot make the federation
 * do unbounded work (deep nesting, many aliases, lists of lists, hops through abstract types)
 * whatever the data holds. Linear in the document: each named fragment is measured once per
 * connection size it is used under, and reused wherever it is spread.
 */
export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  options: CostOptions,
): OperationMeasure {
  const listSize = (args: readonly { name: { value: string }; value: ValueNode }[]) => {
    const first = args.find((arg) => arg.name.value === 'first');
    const value = first ? valueFromASTUntyped(first.value, variables) : undefined;
    return typeof value === 'number' && value >= 0 ? value : options.defaultListSize;
  };
  // A list grows with the data when its items are records (they have an `id`, or are abstract, i.e.
  // organisations) or the caller sizes it (`first`): those count `first` or defaultListSize items. A
  // list of plain values (a fact's quotes, a rule's clauses, a council's seats) is as long as the
  // source documents make it, never longer for any request, so it counts as one item: multiplying
  // it by defaultListSize at every level made any whole read of the sources' facts look
  // exponentially costly. Depth and aliases still bound how often such lists are read.
  const isRecordList = (itemType: GraphQLNamedType | undefined, args: readonly { name: { value: string } }[]) =>
    args.some((arg) => arg.name.value === 'first') ||
    (itemType !== undefined &&
      // Introspection's lists (types, fields, arguments) are the schema's size: counted in full, as before.
      (itemType.name.startsWith('__') || isAbstractType(itemType) || (isObjectType(itemType) && 'id' in itemType.getFields())));
  const rootType = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  // Keyed by fragment name and the connection size it is measured under; `null` while being
  // measured, so a fragment that spreads itself (a validation error) cannot loop.
  const measuredFragments = new Map<string, Part | null>();

  // A connection's `first` sizes its `edges` list, one level down.
  const walk = (set: SelectionSetNode, type: GraphQLCompositeType, connectionSize: number | undefined): Part => {
    let depth = 0;
    let aliases = 0;
    let cost = 0;
    let fanOut = 0;
    // Fields of this set are planned once per concrete type this set may be on.
    const here = implementations(schema, type);
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (selection.alias && selection.alias.value !== name) aliases += 1;
        const field = fieldOf(type, name, type === rootType);
        const args = selection.arguments ?? [];
        const list = field ? isList(field.type) : false;
        const fieldType = field ? getNamedType(field.type) : undefined;
        const multiplier = !list
          ? 1
          : name === 'edges' && connectionSize !== undefined
            ? connectionSize
            : isRecordList(fieldType, args)
              ? listSize(args)
              : 1;
        const pageSize = !list && args.some((arg) => arg.name.value === 'first') ? listSize(args) : undefined;
        const below = selection.selectionSet && fieldType ? walk(selection.selectionSet, fieldType as GraphQLCompositeType, pageSize) : NONE;
        depth = Math.max(depth, 1 + below.depth);
        aliases += below.aliases;
        cost += multiplier * (1 + below.cost);
        const own = fieldType && isAbstractType(fieldType) ? implementations(schema, fieldType) : 0;
        fanOut += here * (own + below.fanOut);
      } else {
        let inner: Part;
        if (selection.kind === Kind.FRAGMENT_SPREAD) {
          const fragment = fragments[selection.name.value];
          if (!fragment) continue;
          const key = `${selection.name.value}\0${connectionSize ?? ''}`;
          const known = measuredFragments.get(key);
          if (known === null) continue;
          if (known) inner = known;
          else {
            measuredFragments.set(key, null);
            inner = walk(fragment.selectionSet, conditionType(fragment.typeCondition.name.value, type), connectionSize);
            measuredFragments.set(key, inner);
          }
        } else {
          inner = walk(selection.selectionSet, selection.typeCondition ? conditionType(selection.typeCondition.name.value, type) : type, connectionSize);
        }
        depth = Math.max(depth, inner.depth);
        aliases += inner.aliases;
        cost += inner.cost;
        // A fragment's fields are planned for the concrete types of its own condition, already counted inside.
        fanOut += inner.fanOut;
      }
    }
    return { depth, aliases, cost, fanOut };
  };

  const conditionType = (name: string, fallback: GraphQLCompositeType): GraphQLCompositeType => {
    const condition = schema.getType(name);
    return condition && (isObjectType(condition) || isInterfaceType(condition) || isUnionType(condition)) ? condition : fallback;
  };

  if (!rootType) return { ...NONE };
  return walk(operation.selectionSet, rootType, undefined);
}
