import { buildSchema } from 'graphql';
import { diffSchemas } from '../schemaDiff';

const BEFORE = `
  interface Named { name: String! }
  type Query { organisation(id: ID!, first: Int = 20): Organisation  search(filter: Filter): [Organisation] }
  """An organisation."""
  type Organisation implements Named { id: ID!  name: String!  note: String  count: Int  gone: Boolean }
  type Council { id: ID! }
  type Forum { id: ID! }
  union Body = Council | Forum
  enum Country { DK NO SE }
  input Filter { country: Country  kind: String  limit: Int = 10 }
  scalar Removed
`;

async function changesTo(after: string) {
  return (await diffSchemas(buildSchema(BEFORE), buildSchema(after))).map((c) => `${c.severity} ${c.id}: ${c.message}`).sort();
}

describe('diffSchemas', () => {
  it('finds nothing between a schema and itself, and ignores descriptions', async () => {
    expect(await changesTo(BEFORE.replace('"""An organisation."""', '"""Any organisation."""'))).toEqual([]);
  });

  it('names each breaking change and each safe one by its stable id, in plain words', async () => {
    const after = `
      interface Named { name: String! }
      type Query { organisation(id: ID!, first: Int = 50, region: String!): Organisation  search(filter: Filter!, page: Int): [Organisation] }
      type Organisation { id: ID!  name: String  note: String!  count: String  founded: Int }
      type Council { id: ID! }
      type Forum { id: ID! }
      union Body = Council
      enum Country { DK NO FI }
      input Filter { country: Country!  limit: Int = 5  page: Int  year: Int! }
      type Added { id: ID!  title: String }
    `;
    expect(await changesTo(after)).toEqual([
      'breaking ARGUMENT_DEFAULT_CHANGED Query.organisation(first:): the default of Query.organisation(first:) changed from 20 to 50: queries that leave it out get other results',
      'breaking ENUM_VALUE_REMOVED Country.SE: value SE was removed from enum Country: queries that pass it fail, and clients that test for it never see it',
      'breaking FIELD_MADE_NULLABLE Organisation.name: field Organisation.name may now be null (String! → String): clients that rely on a value break',
      'breaking FIELD_REMOVED Organisation.gone: field Organisation.gone was removed: queries that select it fail',
      'breaking FIELD_RETYPED Organisation.count: field Organisation.count changed type from Int to String',
      'breaking INPUT_FIELD_DEFAULT_CHANGED Filter.limit: the default of input field Filter.limit changed from 10 to 5: queries that leave it out get other results',
      'breaking INPUT_FIELD_REMOVED Filter.kind: input field Filter.kind was removed: queries that pass it fail',
      'breaking INPUT_MADE_REQUIRED Filter.country: input field Filter.country became required (Country → Country!): clients that leave it out are refused',
      'breaking INPUT_MADE_REQUIRED Query.search(filter:): argument Query.search(filter:) became required (Filter → Filter!): clients that leave it out are refused',
      'breaking INTERFACE_REMOVED Organisation: Organisation no longer implements Named: fragments on Named skip it',
      'breaking REQUIRED_ARGUMENT_ADDED Query.organisation(region:): required argument Query.organisation(region:): String! was added: queries without it fail',
      'breaking REQUIRED_INPUT_FIELD_ADDED Filter.year: required input field Filter.year was added: queries without it fail',
      'breaking TYPE_REMOVED Removed: scalar Removed was removed',
      'breaking UNION_MEMBER_REMOVED Body: Forum was removed from union Body',
      'safe ARGUMENT_ADDED Query.search(page:): optional argument Query.search(page:): Int was added',
      'safe ENUM_VALUE_ADDED Country.FI: value FI was added to enum Country (clients that switch over it should have a default case)',
      'safe FIELD_ADDED Organisation.founded: field Organisation.founded: Int was added',
      'safe FIELD_MADE_NON_NULL Organisation.note: field Organisation.note is never null now (String → String!)',
      'safe INPUT_FIELD_ADDED Filter.page: optional input field Filter.page was added',
      // The added type's own fields are part of its addition, not listed again.
      'safe TYPE_ADDED Added: object type Added was added',
    ]);
  });

  it('says when a type changes kind, and when a union or interface gains a member', async () => {
    const after = BEFORE.replace('type Council { id: ID! }', 'input Council { id: ID! }\n  type Meeting { id: ID! }')
      .replace('union Body = Council | Forum', 'union Body = Forum | Meeting')
      .replace('type Forum { id: ID! }', 'type Forum implements Named { id: ID!  name: String! }');
    expect(await changesTo(after)).toEqual([
      'breaking TYPE_KIND_CHANGED Council: Council changed from object type to input type',
      'breaking UNION_MEMBER_REMOVED Body: Council was removed from union Body',
      'safe FIELD_ADDED Forum.name: field Forum.name: String! was added',
      'safe INTERFACE_ADDED Forum: Forum now implements Named',
      'safe TYPE_ADDED Meeting: object type Meeting was added',
      'safe UNION_MEMBER_ADDED Body.Meeting: Meeting was added to union Body (clients that switch over its types should have a default case)',
    ]);
  });
});
