import { Supergraph } from '@apollo/federation-internals';
import { ChangeType, CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import {
  isEnumType, isInputObjectType, isInterfaceType, isObjectType, isUnionType, parseType,
  type GraphQLNamedType, type GraphQLSchema, type TypeNode,
} from 'graphql';

export type ChangeSeverity = 'breaking' | 'safe';

/** One difference between two supergraphs as clients see them (their API schemas). */
export interface SchemaChange {
  severity: ChangeSeverity;
  /** Stable id, acknowledged by this exact text: "<KIND> <coordinate>", e.g. "FIELD_REMOVED Lederne.register". */
  id: string;
  message: string;
}

/** The schema clients query: the supergraph without its federation machinery. */
export function apiSchema(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

function kindOf(type: GraphQLNamedType | null | undefined): string {
  if (isObjectType(type)) return 'object type';
  if (isInterfaceType(type)) return 'interface';
  if (isUnionType(type)) return 'union';
  if (isEnumType(type)) return 'enum';
  if (isInputObjectType(type)) return 'input type';
  return 'scalar';
}

const nullable = (type: TypeNode): TypeNode => (type.kind === 'NonNullType' ? type.type : type);
const printed = (type: TypeNode): string => (type.kind === 'NonNullType' ? `${printed(type.type)}!` : type.kind === 'ListType' ? `[${printed(type.type)}]` : type.name.value);

/** Same named type, only nullability differs: true when `after` is the non-null one, false the other way, undefined otherwise. */
function madeNonNull(before: string, after: string): boolean | undefined {
  const [b, a] = [parseType(before), parseType(after)];
  if (printed(nullable(b)) !== printed(nullable(a))) return undefined;
  return a.kind === 'NonNullType';
}

function breaking(kind: string, coordinate: string, message: string): SchemaChange {
  return { severity: 'breaking', id: `${kind} ${coordinate}`, message };
}
function safe(kind: string, coordinate: string, message: string): SchemaChange {
  return { severity: 'safe', id: `${kind} ${coordinate}`, message };
}

/** An argument's or input field's type changed: for a client sending it. */
function inputRetyped(where: string, what: string, before: string, after: string): SchemaChange {
  const required = madeNonNull(before, after);
  if (required === true) return breaking('INPUT_MADE_REQUIRED', where, `${what} ${where} became required (${before} → ${after}): clients that leave it out are refused`);
  if (required === false) return safe('INPUT_MADE_OPTIONAL', where, `${what} ${where} became optional (${before} → ${after})`);
  return breaking('INPUT_RETYPED', where, `${what} ${where} changed type from ${before} to ${after}`);
}

const defaultText = (value: string | undefined): string => (value === undefined ? 'undefined' : value);

/**
 * One of graphql-inspector's changes in this federation's words and ids (the ids are what
 * gateway/acknowledged-changes.json lists, so they stay as they were). Descriptions, deprecations and
 * directive usages are not part of what a client's query can break on: left out unless the inspector
 * calls them breaking.
 */
function translate(change: Change, before: GraphQLSchema, after: GraphQLSchema): SchemaChange | undefined {
  const meta = change.meta as Record<string, string & boolean>;
  // The inspector lists every member of a type that was added as added too: the type's addition says it all.
  const owner = meta.typeName ?? meta.enumName ?? meta.inputName ?? meta.objectTypeName ?? meta.unionName;
  if (change.type !== ChangeType.TypeKindChanged && owner !== undefined && !before.getType(owner)) return undefined;
  switch (change.type) {
    case ChangeType.TypeRemoved:
      return breaking('TYPE_REMOVED', meta.removedTypeName, `${kindOf(before.getType(meta.removedTypeName))} ${meta.removedTypeName} was removed`);
    case ChangeType.TypeAdded:
      return safe('TYPE_ADDED', meta.addedTypeName, `${kindOf(after.getType(meta.addedTypeName))} ${meta.addedTypeName} was added`);
    case ChangeType.TypeKindChanged:
      return breaking('TYPE_KIND_CHANGED', meta.typeName, `${meta.typeName} changed from ${kindOf(before.getType(meta.typeName))} to ${kindOf(after.getType(meta.typeName))}`);
    case ChangeType.FieldRemoved: {
      const coordinate = `${meta.typeName}.${meta.removedFieldName}`;
      return breaking('FIELD_REMOVED', coordinate, `field ${coordinate} was removed: queries that select it fail`);
    }
    case ChangeType.FieldAdded: {
      const coordinate = `${meta.typeName}.${meta.addedFieldName}`;
      return safe('FIELD_ADDED', coordinate, `field ${coordinate}: ${meta.addedFieldReturnType} was added`);
    }
    case ChangeType.FieldTypeChanged: {
      const coordinate = `${meta.typeName}.${meta.fieldName}`;
      const [was, now] = [meta.oldFieldType, meta.newFieldType];
      const nonNull = madeNonNull(was, now);
      if (nonNull === false) return breaking('FIELD_MADE_NULLABLE', coordinate, `field ${coordinate} may now be null (${was} → ${now}): clients that rely on a value break`);
      if (nonNull === true) return safe('FIELD_MADE_NON_NULL', coordinate, `field ${coordinate} is never null now (${was} → ${now})`);
      return breaking('FIELD_RETYPED', coordinate, `field ${coordinate} changed type from ${was} to ${now}`);
    }
    case ChangeType.FieldArgumentRemoved: {
      const where = `${meta.typeName}.${meta.fieldName}(${meta.removedFieldArgumentName}:)`;
      return breaking('ARGUMENT_REMOVED', where, `argument ${where} was removed: queries that pass it fail`);
    }
    case ChangeType.FieldArgumentAdded: {
      const where = `${meta.typeName}.${meta.fieldName}(${meta.addedArgumentName}:)`;
      // Arguments of a field that was added are part of that addition.
      if (meta.addedToNewField) return undefined;
      return parseType(meta.addedArgumentType).kind === 'NonNullType' && !meta.hasDefaultValue
        ? breaking('REQUIRED_ARGUMENT_ADDED', where, `required argument ${where}: ${meta.addedArgumentType} was added: queries without it fail`)
        : safe('ARGUMENT_ADDED', where, `optional argument ${where}: ${meta.addedArgumentType} was added`);
    }
    case ChangeType.FieldArgumentTypeChanged:
      return inputRetyped(`${meta.typeName}.${meta.fieldName}(${meta.argumentName}:)`, 'argument', meta.oldArgumentType, meta.newArgumentType);
    case ChangeType.FieldArgumentDefaultChanged: {
      const where = `${meta.typeName}.${meta.fieldName}(${meta.argumentName}:)`;
      return breaking('ARGUMENT_DEFAULT_CHANGED', where, `the default of ${where} changed from ${defaultText(meta.oldDefaultValue)} to ${defaultText(meta.newDefaultValue)}: queries that leave it out get other results`);
    }
    case ChangeType.InputFieldRemoved: {
      const coordinate = `${meta.inputName}.${meta.removedFieldName}`;
      return breaking('INPUT_FIELD_REMOVED', coordinate, `input field ${coordinate} was removed: queries that pass it fail`);
    }
    case ChangeType.InputFieldAdded: {
      const coordinate = `${meta.inputName}.${meta.addedInputFieldName}`;
      return !meta.isAddedInputFieldTypeNullable && meta.addedFieldDefault === undefined
        ? breaking('REQUIRED_INPUT_FIELD_ADDED', coordinate, `required input field ${coordinate} was added: queries without it fail`)
        : safe('INPUT_FIELD_ADDED', coordinate, `optional input field ${coordinate} was added`);
    }
    case ChangeType.InputFieldTypeChanged:
      return inputRetyped(`${meta.inputName}.${meta.inputFieldName}`, 'input field', meta.oldInputFieldType, meta.newInputFieldType);
    case ChangeType.InputFieldDefaultValueChanged: {
      const coordinate = `${meta.inputName}.${meta.inputFieldName}`;
      return breaking('INPUT_FIELD_DEFAULT_CHANGED', coordinate, `the default of input field ${coordinate} changed from ${defaultText(meta.oldDefaultValue)} to ${defaultText(meta.newDefaultValue)}: queries that leave it out get other results`);
    }
    case ChangeType.ObjectTypeInterfaceRemoved:
      return breaking('INTERFACE_REMOVED', meta.objectTypeName, `${meta.objectTypeName} no longer implements ${meta.removedInterfaceName}: fragments on ${meta.removedInterfaceName} skip it`);
    case ChangeType.ObjectTypeInterfaceAdded:
      return safe('INTERFACE_ADDED', meta.objectTypeName, `${meta.objectTypeName} now implements ${meta.addedInterfaceName}`);
    case ChangeType.UnionMemberRemoved:
      return breaking('UNION_MEMBER_REMOVED', meta.unionName, `${meta.removedUnionMemberTypeName} was removed from union ${meta.unionName}`);
    case ChangeType.UnionMemberAdded:
      return safe('UNION_MEMBER_ADDED', `${meta.unionName}.${meta.addedUnionMemberTypeName}`, `${meta.addedUnionMemberTypeName} was added to union ${meta.unionName} (clients that switch over its types should have a default case)`);
    case ChangeType.EnumValueRemoved:
      return breaking('ENUM_VALUE_REMOVED', `${meta.enumName}.${meta.removedEnumValueName}`, `value ${meta.removedEnumValueName} was removed from enum ${meta.enumName}: queries that pass it fail, and clients that test for it never see it`);
    case ChangeType.EnumValueAdded:
      return safe('ENUM_VALUE_ADDED', `${meta.enumName}.${meta.addedEnumValueName}`, `value ${meta.addedEnumValueName} was added to enum ${meta.enumName} (clients that switch over it should have a default case)`);
    default:
      // Anything else the inspector calls breaking (a removed directive, a changed root type) still fails the check.
      return change.criticality.level === CriticalityLevel.Breaking ? breaking(change.type, change.path ?? '', change.message) : undefined;
  }
}

/**
 * What changed for clients between two API schemas (found by @graphql-inspector/core): breaking
 * changes (a query that worked may fail or get an answer it cannot read) apart from safe additions.
 */
export async function diffSchemas(before: GraphQLSchema, after: GraphQLSchema): Promise<SchemaChange[]> {
  const changes = await diff(before, after);
  return changes.map((change) => translate(change, before, after)).filter((change): change is SchemaChange => change !== undefined);
}

/** Changes from one supergraph SDL to another, as clients see them. */
export function diffSupergraphs(before: string, after: string): Promise<SchemaChange[]> {
  return diffSchemas(apiSchema(before), apiSchema(after));
}
