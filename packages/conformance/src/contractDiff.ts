import {
  Kind, parse, print, type ConstDirectiveNode, type DocumentNode, type FieldDefinitionNode,
  type InputValueDefinitionNode, type TypeDefinitionNode, type TypeNode,
} from 'graphql';

import { CONTRACT_INTERFACE } from '@nlf/contract';

/** One way a subgraph's SDL departs from contract.graphql, located at a schema coordinate. */
export interface ContractProblem {
  /** Schema coordinate, e.g. "Figure.low" or "Lederne.leaderMembers(first:)". */
  coordinate: string;
  /** A sentence saying what is wrong and what the contract says instead. */
  message: string;
}

type NamedDefinition = TypeDefinitionNode;

function definitions(document: DocumentNode): Map<string, NamedDefinition> {
  const map = new Map<string, NamedDefinition>();
  for (const definition of document.definitions) {
    if ('name' in definition && definition.name && definition.kind !== Kind.DIRECTIVE_DEFINITION) {
      if (
        definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.INTERFACE_TYPE_DEFINITION ||
        definition.kind === Kind.ENUM_TYPE_DEFINITION || definition.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION ||
        definition.kind === Kind.SCALAR_TYPE_DEFINITION || definition.kind === Kind.UNION_TYPE_DEFINITION
      ) {
        map.set(definition.name.value, definition);
      }
    }
  }
  return map;
}

const KIND_WORDS: Record<string, string> = {
  [Kind.OBJECT_TYPE_DEFINITION]: 'an object type',
  [Kind.INTERFACE_TYPE_DEFINITION]: 'an interface',
  [Kind.ENUM_TYPE_DEFINITION]: 'an enum',
  [Kind.INPUT_OBJECT_TYPE_DEFINITION]: 'an input type',
  [Kind.SCALAR_TYPE_DEFINITION]: 'a scalar',
  [Kind.UNION_TYPE_DEFINITION]: 'a union',
};

function hasDirective(directives: readonly ConstDirectiveNode[] | undefined, name: string): boolean {
  return (directives ?? []).some((directive) => directive.name.value === name);
}

function keyFields(directives: readonly ConstDirectiveNode[] | undefined): string[] {
  return (directives ?? [])
    .filter((directive) => directive.name.value === 'key')
    .map((directive) => {
      const fields = directive.arguments?.find((argument) => argument.name.value === 'fields')?.value;
      return fields && fields.kind === Kind.STRING ? fields.value.trim() : '';
    });
}

function unwrapNonNull(type: TypeNode): TypeNode {
  return type.kind === Kind.NON_NULL_TYPE ? type.type : type;
}

/** Why a type change matters, in the words a union IT team needs. */
function typeChange(expected: TypeNode, actual: TypeNode, output: boolean): string {
  const e = print(expected);
  const a = print(actual);
  if (print(unwrapNonNull(expected)) === print(unwrapNonNull(actual))) {
    if (output) {
      return expected.kind === Kind.NON_NULL_TYPE
        ? `is ${a} here but ${e} in the contract: clients rely on it never being null`
        : `is ${a} here but ${e} in the contract: composition lets this through with only a hint, and the other subgraphs may return null`;
    }
    return expected.kind === Kind.NON_NULL_TYPE
      ? `is ${a} here but ${e} in the contract`
      : `is ${a} here but ${e} in the contract: clients that leave it out would be refused`;
  }
  return `is ${a} here but ${e} in the contract`;
}

function compareArguments(
  coordinate: string,
  expected: readonly InputValueDefinitionNode[] = [],
  actual: readonly InputValueDefinitionNode[] = [],
  problems: ContractProblem[],
): void {
  const actualByName = new Map(actual.map((argument) => [argument.name.value, argument]));
  for (const argument of expected) {
    const where = `${coordinate}(${argument.name.value}:)`;
    const found = actualByName.get(argument.name.value);
    if (!found) {
      problems.push({ coordinate: where, message: `${where} is missing; the contract has ${argument.name.value}: ${print(argument.type)}` });
      continue;
    }
    if (print(found.type) !== print(argument.type)) {
      problems.push({ coordinate: where, message: `${where} ${typeChange(argument.type, found.type, false)}` });
    }
    const expectedDefault = argument.defaultValue ? print(argument.defaultValue) : undefined;
    const actualDefault = found.defaultValue ? print(found.defaultValue) : undefined;
    if (expectedDefault !== actualDefault) {
      problems.push({
        coordinate: where,
        message: `${where} defaults to ${actualDefault ?? 'nothing'} here but to ${expectedDefault ?? 'nothing'} in the contract`,
      });
    }
  }
  const expectedNames = new Set(expected.map((argument) => argument.name.value));
  for (const argument of actual) {
    if (!expectedNames.has(argument.name.value)) {
      const where = `${coordinate}(${argument.name.value}:)`;
      problems.push({ coordinate: where, message: `${where} is not in the contract; remove it` });
    }
  }
}

function compareFields(
  typeName: string,
  expected: readonly FieldDefinitionNode[] = [],
  actual: readonly FieldDefinitionNode[] = [],
  problems: ContractProblem[],
  options: { extraFieldsAllowed: boolean; contractTypeName?: string },
): void {
  const actualByName = new Map(actual.map((field) => [field.name.value, field]));
  for (const field of expected) {
    const coordinate = `${typeName}.${field.name.value}`;
    const found = actualByName.get(field.name.value);
    if (!found) {
      problems.push({ coordinate, message: `${coordinate} is missing; the contract has ${field.name.value}: ${print(field.type)}` });
      continue;
    }
    if (print(found.type) !== print(field.type)) {
      problems.push({ coordinate, message: `${coordinate} ${typeChange(field.type, found.type, true)}` });
    }
    compareArguments(coordinate, field.arguments, found.arguments, problems);
  }
  if (options.extraFieldsAllowed) return;
  const expectedNames = new Set(expected.map((field) => field.name.value));
  for (const field of actual) {
    if (!expectedNames.has(field.name.value)) {
      const coordinate = `${typeName}.${field.name.value}`;
      problems.push({
        coordinate,
        message: `${coordinate} is not in the contract: shared types must be identical in every subgraph; put union-specific fields on ${options.contractTypeName ?? 'your own organisation type'}`,
      });
    }
  }
}

function enumValues(definition: NamedDefinition): string[] {
  return definition.kind === Kind.ENUM_TYPE_DEFINITION ? (definition.values ?? []).map((value) => value.name.value) : [];
}

/**
 * Compares a subgraph's SDL with contract.graphql, directly: composition lets some departures through
 * with only a hint (a shared field made non-null, say), so this is stricter than composing.
 * `typeName` is the subgraph's own organisation type, which must carry every field of
 * `interface Organisation` exactly, and may add fields of its own.
 */
export function compareWithContract(subgraphSdl: string | DocumentNode, contractSdl: string | DocumentNode, typeName: string): ContractProblem[] {
  const subgraph = definitions(typeof subgraphSdl === 'string' ? parse(subgraphSdl) : subgraphSdl);
  const contract = definitions(typeof contractSdl === 'string' ? parse(contractSdl) : contractSdl);
  const problems: ContractProblem[] = [];

  const organisation = contract.get(CONTRACT_INTERFACE);
  const own = subgraph.get(typeName);
  if (!own) {
    const others = [...subgraph.values()]
      .filter((d) => d.kind === Kind.OBJECT_TYPE_DEFINITION && keyFields(d.directives).includes('id') && !contract.has(d.name.value))
      .map((d) => d.name.value);
    problems.push({
      coordinate: typeName,
      message: `type ${typeName} is not defined${others.length ? ` (the subgraph defines ${others.join(', ')} instead)` : ''}; it must be the subgraph's organisation type with @key(fields: "id")`,
    });
  } else if (own.kind !== Kind.OBJECT_TYPE_DEFINITION) {
    problems.push({ coordinate: typeName, message: `${typeName} is ${KIND_WORDS[own.kind]} here; it must be an object type with @key(fields: "id")` });
  } else if (organisation && organisation.kind === Kind.INTERFACE_TYPE_DEFINITION) {
    if (!keyFields(own.directives).includes('id')) {
      problems.push({ coordinate: typeName, message: `${typeName} has no @key(fields: "id"); the gateway reaches organisations by id through it` });
    }
    compareFields(typeName, organisation.fields, own.fields, problems, { extraFieldsAllowed: true });
  }

  for (const [name, expected] of contract) {
    if (name === CONTRACT_INTERFACE) continue;
    const actual = subgraph.get(name);
    if (!actual) {
      problems.push({ coordinate: name, message: `type ${name} of the contract is missing` });
      continue;
    }
    if (actual.kind !== expected.kind) {
      problems.push({ coordinate: name, message: `${name} is ${KIND_WORDS[actual.kind]} here but ${KIND_WORDS[expected.kind]} in the contract` });
      continue;
    }
    if (expected.kind === Kind.OBJECT_TYPE_DEFINITION && actual.kind === Kind.OBJECT_TYPE_DEFINITION) {
      if (hasDirective(expected.directives, 'shareable') && !hasDirective(actual.directives, 'shareable')) {
        problems.push({ coordinate: name, message: `${name} is not @shareable here; every subgraph resolves it, so the contract marks it @shareable` });
      }
      compareFields(name, expected.fields, actual.fields, problems, { extraFieldsAllowed: false, contractTypeName: typeName });
    } else if (expected.kind === Kind.ENUM_TYPE_DEFINITION) {
      const have = new Set(enumValues(actual));
      const want = enumValues(expected);
      const missing = want.filter((value) => !have.has(value));
      const extra = [...have].filter((value) => !want.includes(value));
      if (missing.length) problems.push({ coordinate: name, message: `enum ${name} lacks ${missing.join(', ')}, which the contract has` });
      if (extra.length) problems.push({ coordinate: name, message: `enum ${name} adds ${extra.join(', ')}, which the contract does not have` });
    } else if (expected.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION && actual.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION) {
      compareArguments(name, expected.fields, actual.fields, problems);
    }
  }
  return problems;
}
