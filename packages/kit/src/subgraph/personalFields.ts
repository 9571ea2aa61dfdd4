import {
  defaultFieldResolver, isListType, isNonNullType, isObjectType, parse, type GraphQLFieldResolver,
  type GraphQLOutputType, type GraphQLSchema,
} from 'graphql';
import { personalFieldCoordinates, personalTypeNames, PERSONAL_MARK, unmarkedPersonalFields } from '@nlf/contract';

/**
 * The kit's start-up refusal: a subgraph that would serve personal data through a field without the
 * mark (so unchecked, unaudited, and cached by the gateway) does not start. Same rule as `npm run check`.
 */
export function assertPersonalFieldsMarked(sdl: string): void {
  const findings = unmarkedPersonalFields(sdl);
  if (findings.length) {
    throw new Error(`refusing to serve personal data without the mark ${PERSONAL_MARK}: ${findings.map((f) => f.message).join('; ')}`);
  }
}

/** What the kit does around one read of a marked field, given its owning organisation's id. */
export interface PersonalFieldGuard<TContext> {
  /** Throws (FORBIDDEN) unless the caller may read the organisation's personal data. */
  check(context: TContext, organisationId: string, field: string): void;
  /** Writes the audit entry of a read that returned. */
  record(context: TContext, read: { organisationId: string; field: string; recordIds: string[]; args: Record<string, unknown> }): Promise<void>;
}

/** Ids of the records of personal types in a resolver's value, found by walking it with its GraphQL type. */
export function personalRecordIds(value: unknown, type: GraphQLOutputType, personal: ReadonlySet<string>, into = new Set<string>()): Set<string> {
  if (value == null) return into;
  if (isNonNullType(type)) return personalRecordIds(value, type.ofType, personal, into);
  if (isListType(type)) {
    if (Array.isArray(value)) for (const item of value) personalRecordIds(item, type.ofType, personal, into);
    return into;
  }
  if (!isObjectType(type) || typeof value !== 'object') return into;
  const record = value as Record<string, unknown>;
  if (personal.has(type.name) && (typeof record.id === 'string' || typeof record.id === 'number')) into.add(String(record.id));
  for (const [name, field] of Object.entries(type.getFields())) {
    if (name in record) personalRecordIds(record[name], field.type, personal, into);
  }
  return into;
}

/**
 * Wraps the resolver of every marked field of the schema: the caller's access is checked before it
 * runs, and each read that returns is audited, whatever it returned (a count of matches with no
 * member in it included). Marks are allowed only on the subgraph's organisation type, whose id names
 * the union that owns the data; anywhere else the subgraph does not start.
 */
export function guardPersonalFields<TContext>(
  schema: GraphQLSchema,
  sdl: string,
  ownerType: string,
  guard: PersonalFieldGuard<TContext>,
): string[] {
  const document = parse(sdl);
  const personal = new Set(personalTypeNames(document));
  const coordinates = personalFieldCoordinates(document);
  for (const coordinate of coordinates) {
    const [typeName, fieldName] = coordinate.split('.') as [string, string];
    if (typeName !== ownerType) {
      throw new Error(
        `${coordinate} is marked ${PERSONAL_MARK}, but personal fields must be fields of ${ownerType}, whose id names the union that owns the data`,
      );
    }
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`${coordinate} is marked personal but ${typeName} is not an object type`);
    const field = type.getFields()[fieldName]!;
    const resolve: GraphQLFieldResolver<unknown, TContext> = field.resolve ?? defaultFieldResolver;
    field.resolve = async (root, args, context, info) => {
      const organisationId = String((root as { id: unknown }).id);
      guard.check(context, organisationId, info.fieldName);
      const value = await resolve(root, args, context, info);
      const recordIds = [...personalRecordIds(value, field.type, personal)];
      await guard.record(context, { organisationId, field: info.fieldName, recordIds, args });
      return value;
    };
  }
  return coordinates;
}
