import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { BranchCount } from './branch';
import { Country, OrganisationKind } from './enums';
import { Figure } from './figure';

/**
 * The fields every organisation type carries. Each union subgraph gets its own concrete type
 * (`defineOrganisationType`), because federation cannot route one entity type to several subgraphs
 * by key value; the registry ties them together as `interface Organisation`.
 * Relations (councils, forums, branches, register...) are added by the kit's field resolvers.
 * type-graphql passes fields on only from a decorated class; this one is never reachable from the
 * schema, so it is never emitted.
 */
@ObjectType('OrganisationFields')
export abstract class OrganisationFields {
  @Field(() => ID, { description: 'Stable slug, e.g. "lederne", "3f", "oao".' })
  id!: string;

  @Field()
  name!: string;

  @Field({ description: 'Name that is unique across countries, e.g. "LO (Norway)".' })
  displayName!: string;

  @Field(() => Country)
  country!: Country;

  @Field(() => OrganisationKind)
  kind!: OrganisationKind;

  @Field(() => ID, { nullable: true, description: 'The confederation this organisation belongs to, where a source says so.' })
  parentId!: string | null;

  @Field(() => Figure, { nullable: true, description: 'Members as reported by the sources; null where they say nothing.' })
  memberCount!: Figure | null;

  @Field(() => Figure, { nullable: true, description: 'Leader members as reported by the sources; null where they say nothing.' })
  leaderMemberCount!: Figure | null;

  @Field(() => [BranchCount], { description: 'Branch counts the sources give without naming the branches.' })
  branchCounts!: BranchCount[];
}

export type OrganisationClass = new () => OrganisationFields;

/** The concrete, federated organisation type of one subgraph, e.g. `Lederne` or `LoDenmark`. */
export function defineOrganisationType(typeName: string): OrganisationClass {
  if (!/^[A-Z][A-Za-z0-9]*$/.test(typeName)) {
    throw new Error(`Organisation type name "${typeName}" must be PascalCase letters and digits`);
  }
  @ObjectType(typeName, { description: `An organisation served by the ${typeName} subgraph.` })
  @Directive('@key(fields: "id")')
  class OrganisationType extends OrganisationFields {}
  return OrganisationType;
}
