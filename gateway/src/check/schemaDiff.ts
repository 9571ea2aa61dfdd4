import { Supergraph } from '@apollo/federation-internals';
import {
  isEnumType, isInputObjectType, isInterfaceType, isNonNullType, isObjectType, isUnionType, getNullableType,
  type GraphQLArgument, type GraphQLField, type GraphQLInputField, type GraphQLInputType, type GraphQLNamedType,
  type GraphQLOutputType, type GraphQLSchema,
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

const BUILT_IN = /^__/;

function kindOf(type: GraphQLNamedType): string {
  if (isObjectType(type)) return 'object type';
  if (isInterfaceType(type)) return 'interface';
  if (isUnionType(type)) return 'union';
  if (isEnumType(type)) return 'enum';
  if (isInputObjectType(type)) return 'input type';
  return 'scalar';
}

/** Same named type, only nullability differs: which way, for a client reading it (output) or sending it (input). */
function nullabilityOnly(before: GraphQLOutputType | GraphQLInputType, after: GraphQLOutputType | GraphQLInputType): boolean {
  return String(getNullableType(before)) === String(getNullableType(after)) && String(before) !== String(after);
}

class Collector {
  readonly changes: SchemaChange[] = [];
  breaking(kind: string, coordinate: string, message: string): void {
    this.changes.push({ severity: 'breaking', id: `${kind} ${coordinate}`, message });
  }
  safe(kind: string, coordinate: string, message: string): void {
    this.changes.push({ severity: 'safe', id: `${kind} ${coordinate}`, message });
  }
}

function compareArguments(out: Collector, coordinate: string, before: readonly GraphQLArgument[], after: readonly GraphQLArgument[]): void {
  const afterByName = new Map(after.map((argument) => [argument.name, argument]));
  for (const old of before) {
    const where = `${coordinate}(${old.name}:)`;
    const now = afterByName.get(old.name);
    if (!now) {
      out.breaking('ARGUMENT_REMOVED', where, `argument ${where} was removed: queries that pass it fail`);
      continue;
    }
    compareInputType(out, where, 'argument', old.type, now.type);
    if (JSON.stringify(old.defaultValue) !== JSON.stringify(now.defaultValue)) {
      out.breaking('ARGUMENT_DEFAULT_CHANGED', where, `the default of ${where} changed from ${JSON.stringify(old.defaultValue)} to ${JSON.stringify(now.defaultValue)}: queries that leave it out get other results`);
    }
  }
  const beforeNames = new Set(before.map((argument) => argument.name));
  for (const now of after) {
    if (beforeNames.has(now.name)) continue;
    const where = `${coordinate}(${now.name}:)`;
    if (isNonNullType(now.type) && now.defaultValue === undefined) {
      out.breaking('REQUIRED_ARGUMENT_ADDED', where, `required argument ${where}: ${String(now.type)} was added: queries without it fail`);
    } else {
      out.safe('ARGUMENT_ADDED', where, `optional argument ${where}: ${String(now.type)} was added`);
    }
  }
}

function compareInputType(out: Collector, where: string, what: string, before: GraphQLInputType, after: GraphQLInputType): void {
  if (String(before) === String(after)) return;
  if (nullabilityOnly(before, after)) {
    if (isNonNullType(after)) out.breaking('INPUT_MADE_REQUIRED', where, `${what} ${where} became required (${String(before)} → ${String(after)}): clients that leave it out are refused`);
    else out.safe('INPUT_MADE_OPTIONAL', where, `${what} ${where} became optional (${String(before)} → ${String(after)})`);
    return;
  }
  out.breaking('INPUT_RETYPED', where, `${what} ${where} changed type from ${String(before)} to ${String(after)}`);
}

function compareFields(
  out: Collector,
  typeName: string,
  before: Record<string, GraphQLField<unknown, unknown>>,
  after: Record<string, GraphQLField<unknown, unknown>>,
): void {
  for (const [name, old] of Object.entries(before)) {
    const coordinate = `${typeName}.${name}`;
    const now = after[name];
    if (!now) {
      out.breaking('FIELD_REMOVED', coordinate, `field ${coordinate} was removed: queries that select it fail`);
      continue;
    }
    if (String(old.type) !== String(now.type)) {
      if (nullabilityOnly(old.type, now.type)) {
        if (isNonNullType(old.type)) {
          out.breaking('FIELD_MADE_NULLABLE', coordinate, `field ${coordinate} may now be null (${String(old.type)} → ${String(now.type)}): clients that rely on a value break`);
        } else {
          out.safe('FIELD_MADE_NON_NULL', coordinate, `field ${coordinate} is never null now (${String(old.type)} → ${String(now.type)})`);
        }
      } else {
        out.breaking('FIELD_RETYPED', coordinate, `field ${coordinate} changed type from ${String(old.type)} to ${String(now.type)}`);
      }
    }
    compareArguments(out, coordinate, old.args, now.args);
  }
  for (const name of Object.keys(after)) {
    if (!before[name]) out.safe('FIELD_ADDED', `${typeName}.${name}`, `field ${typeName}.${name}: ${String(after[name]!.type)} was added`);
  }
}

function compareInputFields(out: Collector, typeName: string, before: Record<string, GraphQLInputField>, after: Record<string, GraphQLInputField>): void {
  for (const [name, old] of Object.entries(before)) {
    const coordinate = `${typeName}.${name}`;
    const now = after[name];
    if (!now) out.breaking('INPUT_FIELD_REMOVED', coordinate, `input field ${coordinate} was removed: queries that pass it fail`);
    else compareInputType(out, coordinate, 'input field', old.type, now.type);
  }
  for (const [name, now] of Object.entries(after)) {
    if (before[name]) continue;
    const coordinate = `${typeName}.${name}`;
    if (isNonNullType(now.type) && now.defaultValue === undefined) out.breaking('REQUIRED_INPUT_FIELD_ADDED', coordinate, `required input field ${coordinate} was added: queries without it fail`);
    else out.safe('INPUT_FIELD_ADDED', coordinate, `optional input field ${coordinate} was added`);
  }
}

/**
 * What changed for clients between two API schemas: breaking changes (a query that worked may fail or
 * get an answer it cannot read) apart from safe additions.
 */
export function diffSchemas(before: GraphQLSchema, after: GraphQLSchema): SchemaChange[] {
  const out = new Collector();
  const beforeTypes = before.getTypeMap();
  const afterTypes = after.getTypeMap();
  for (const [name, old] of Object.entries(beforeTypes)) {
    if (BUILT_IN.test(name)) continue;
    const now = afterTypes[name];
    if (!now) {
      out.breaking('TYPE_REMOVED', name, `${kindOf(old)} ${name} was removed`);
      continue;
    }
    if (kindOf(old) !== kindOf(now)) {
      out.breaking('TYPE_KIND_CHANGED', name, `${name} changed from ${kindOf(old)} to ${kindOf(now)}`);
      continue;
    }
    if ((isObjectType(old) && isObjectType(now)) || (isInterfaceType(old) && isInterfaceType(now))) {
      compareFields(out, name, old.getFields(), now.getFields());
      const wasImplementing = new Set(old.getInterfaces().map((i) => i.name));
      const nowImplementing = new Set(now.getInterfaces().map((i) => i.name));
      for (const i of wasImplementing) if (!nowImplementing.has(i)) out.breaking('INTERFACE_REMOVED', name, `${name} no longer implements ${i}: fragments on ${i} skip it`);
      for (const i of nowImplementing) if (!wasImplementing.has(i)) out.safe('INTERFACE_ADDED', name, `${name} now implements ${i}`);
    } else if (isUnionType(old) && isUnionType(now)) {
      const members = new Set(now.getTypes().map((t) => t.name));
      for (const member of old.getTypes()) if (!members.has(member.name)) out.breaking('UNION_MEMBER_REMOVED', name, `${member.name} was removed from union ${name}`);
    } else if (isEnumType(old) && isEnumType(now)) {
      const values = new Set(now.getValues().map((v) => v.name));
      const oldValues = new Set(old.getValues().map((v) => v.name));
      for (const value of oldValues) if (!values.has(value)) out.breaking('ENUM_VALUE_REMOVED', `${name}.${value}`, `value ${value} was removed from enum ${name}: queries that pass it fail, and clients that test for it never see it`);
      for (const value of values) if (!oldValues.has(value)) out.safe('ENUM_VALUE_ADDED', `${name}.${value}`, `value ${value} was added to enum ${name} (clients that switch over it should have a default case)`);
    } else if (isInputObjectType(old) && isInputObjectType(now)) {
      compareInputFields(out, name, old.getFields(), now.getFields());
    }
  }
  for (const [name, now] of Object.entries(afterTypes)) {
    if (!BUILT_IN.test(name) && !beforeTypes[name]) out.safe('TYPE_ADDED', name, `${kindOf(now)} ${name} was added`);
  }
  return out.changes;
}

/** Changes from one supergraph SDL to another, as clients see them. */
export function diffSupergraphs(before: string, after: string): SchemaChange[] {
  return diffSchemas(apiSchema(before), apiSchema(after));
}
