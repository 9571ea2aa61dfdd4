import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * Every organisation of the federation, whatever its type: this subgraph adds fields to all of them
 * without knowing their types, and returns bare references that the gateway resolves in the
 * organisation's own subgraph (the registry maps each id to its type).
 */
@ObjectType('Organisation')
@Directive('@key(fields: "id")')
@Directive('@interfaceObject')
export class OrganisationRef {
  @Field(() => ID)
  id!: string;
}
