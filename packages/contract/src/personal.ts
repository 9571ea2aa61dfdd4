import {
  Kind, parse, type ConstDirectiveNode, type DefinitionNode, type DocumentNode, type FieldDefinitionNode, type TypeNode,
} from 'graphql';
import { Directive } from 'type-graphql';

/**
 * The one mark of personal data: `@tag(name: "personal")`. On a type, it says what the type holds is
 * about individuals (a leader member, a read of the audit log); on a field, that the field returns
 * such data. The federation's own authorization directives (@requiresScopes, @policy) compose into
 * `@link(for: SECURITY)`, which @apollo/gateway 2.14 refuses to load; @tag composes into the
 * supergraph as it is, so the gateway, `npm run check` and the kit all read the same mark.
 */
export const PERSONAL_TAG = 'personal';
export const PERSONAL_MARK = `@tag(name: "${PERSONAL_TAG}")`;

/** Marks a contract type or field (type-graphql class, field or field resolver) as personal data. */
export function Personal(): MethodDecorator & PropertyDecorator & ClassDecorator {
  return Directive(PERSONAL_MARK);
}

/** Whether a directive list carries the personal mark. */
export function hasPersonalMark(directives: readonly ConstDirectiveNode[] | undefined): boolean {
  return (directives ?? []).some(
    (directive) =>
      directive.name.value === 'tag' &&
      (directive.arguments ?? []).some(
        (argument) => argument.name.value === 'name' && argument.value.kind === Kind.STRING && argument.value.value === PERSONAL_TAG,
      ),
  );
}

type Sdl = string | DocumentNode;
const documentOf = (sdl: Sdl): DocumentNode => (typeof sdl === 'string' ? parse(sdl) : sdl);

interface FieldsHolder {
  name: { value: string };
  directives?: readonly ConstDirectiveNode[];
  fields?: readonly FieldDefinitionNode[];
}

/** Object and interface types, definitions and extensions, by name (an extension adds its fields). */
function typesWithFields(document: DocumentNode): Map<string, { marked: boolean; fields: FieldDefinitionNode[]; entry: boolean }> {
  const types = new Map<string, { marked: boolean; fields: FieldDefinitionNode[]; entry: boolean }>();
  const holders = document.definitions.filter(
    (d: DefinitionNode): d is DefinitionNode & FieldsHolder =>
      d.kind === Kind.OBJECT_TYPE_DEFINITION ||
      d.kind === Kind.OBJECT_TYPE_EXTENSION ||
      d.kind === Kind.INTERFACE_TYPE_DEFINITION ||
      d.kind === Kind.INTERFACE_TYPE_EXTENSION,
  );
  for (const holder of holders) {
    const type = types.get(holder.name.value) ?? { marked: false, fields: [], entry: false };
    type.marked ||= hasPersonalMark(holder.directives);
    // Where a caller starts reading: the root types and the entities (@key, @interfaceObject).
    type.entry ||=
      ['Query', 'Mutation', 'Subscription'].includes(holder.name.value) ||
      (holder.directives ?? []).some((d) => d.name.value === 'key' || d.name.value === 'interfaceObject');
    type.fields.push(...(holder.fields ?? []));
    types.set(holder.name.value, type);
  }
  return types;
}

const namedType = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type));

/** `Type.field` of every field that carries the mark. */
export function personalFieldCoordinates(sdl: Sdl): string[] {
  const coordinates: string[] = [];
  for (const [typeName, type] of typesWithFields(documentOf(sdl))) {
    for (const field of type.fields) if (hasPersonalMark(field.directives)) coordinates.push(`${typeName}.${field.name.value}`);
  }
  return coordinates;
}

/**
 * Names of the marked fields, whatever their type: what the gateway matches an operation's fields
 * against (subgraph calls select through `_entities`, where a field's type is not known without
 * the subgraph's schema, so the match is by name, on the safe side).
 */
export function personalFieldNames(sdl: Sdl): ReadonlySet<string> {
  return new Set(personalFieldCoordinates(sdl).map((coordinate) => coordinate.slice(coordinate.indexOf('.') + 1)));
}

/** Names of the types marked personal. */
export function personalTypeNames(sdl: Sdl): string[] {
  return [...typesWithFields(documentOf(sdl))].filter(([, type]) => type.marked).map(([name]) => name);
}

export interface UnmarkedPersonalField {
  /** `Type.field` of the field that should carry the mark. */
  coordinate: string;
  /** The personal type it reaches, and the path there, e.g. ["LeaderMemberConnection.edges", "LeaderMemberEdge.node"]. */
  reaches: string;
  path: string[];
  message: string;
}

/**
 * Fields a caller can start reading from (root types and entities) that return personal data
 * without the mark: a marked type, or a type that holds one through unmarked fields (a connection
 * of it, a wrapper). Marked fields are where the kit checks and audits the read, so every way to a
 * personal type from an entry point has to pass through one. `alsoPersonal` adds types marked
 * elsewhere (the contract's own, when a subgraph's copy dropped the mark).
 */
export function unmarkedPersonalFields(sdl: Sdl, alsoPersonal: Iterable<string> = []): UnmarkedPersonalField[] {
  const types = typesWithFields(documentOf(sdl));
  const personal = new Set([...[...types].filter(([, t]) => t.marked).map(([name]) => name), ...alsoPersonal]);
  // type name → the path through unmarked fields to a personal type, or null when it reaches none.
  const reach = new Map<string, { type: string; path: string[] } | null>();
  const reachOf = (typeName: string): { type: string; path: string[] } | null => {
    if (personal.has(typeName)) return { type: typeName, path: [] };
    if (reach.has(typeName)) return reach.get(typeName) ?? null;
    reach.set(typeName, null); // a cycle reaches nothing new
    const type = types.get(typeName);
    for (const field of type?.fields ?? []) {
      if (hasPersonalMark(field.directives)) continue;
      const found = reachOf(namedType(field.type));
      if (found) {
        const result = { type: found.type, path: [`${typeName}.${field.name.value}`, ...found.path] };
        reach.set(typeName, result);
        return result;
      }
    }
    return null;
  };
  const findings: UnmarkedPersonalField[] = [];
  for (const [typeName, type] of types) {
    if (!type.entry || personal.has(typeName)) continue;
    for (const field of type.fields) {
      if (hasPersonalMark(field.directives)) continue;
      const found = reachOf(namedType(field.type));
      if (!found) continue;
      const coordinate = `${typeName}.${field.name.value}`;
      const through = found.path.length ? `, through ${found.path.join(' → ')}` : '';
      findings.push({
        coordinate,
        reaches: found.type,
        path: found.path,
        message: `${coordinate} returns personal data (${found.type}${through}) without the mark: add ${PERSONAL_MARK} to the field`,
      });
    }
  }
  return findings;
}
