/**
 * A text column that references another table's id, as the contract's migrations declare it
 * (`references <table> (id) on delete cascade`): a many-to-one the schema generator compares with
 * the database's foreign key, mapped to the id itself so rows keep reading and writing a plain string.
 * `foreignKeyName` is PostgreSQL's own name for the constraint the migration left unnamed.
 */
export function cascadingReference(options: { table: string; column: string; entity: string; nullable?: boolean }) {
  return {
    kind: 'm:1',
    entity: options.entity,
    mapToPk: true,
    fieldName: options.column,
    foreignKeyName: `${options.table}_${options.column}_fkey`,
    deleteRule: 'cascade',
    updateRule: 'no action',
    ...(options.nullable ? { nullable: true } : {}),
  } as const;
}

/** The organisation a row of `table` belongs to, deleted with it. */
export const organisationOf = (table: string) =>
  cascadingReference({ table, column: 'organisation_id', entity: 'Organisation' });
