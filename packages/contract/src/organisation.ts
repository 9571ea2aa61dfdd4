import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { BranchCount } from './branch';
import { Country, OrganisationKind } from './enums';
import { Figure, Source } from './figure';
import {
  Affiliates, CooperationRole, CountryBasis, Initiative, LevelTerm, MembershipFee, Officer, PolicyDocument, Secretariat,
  SourceDocument, UnitGroup,
} from './profile';
import { RepresentativeRules, WorkplaceGroup } from './rules';
import { CuratorNote, Statement } from './statement';

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

  // What the sources say beyond figures and bodies. Each field is null or empty where they say nothing.

  @Field(() => Source, { nullable: true, description: 'The quote that ties the organisation to its confederation (parentId).' })
  parentSource!: Source | null;

  @Field(() => CountryBasis, { nullable: true })
  countryBasis!: CountryBasis | null;

  @Field(() => Source, {
    nullable: true,
    description: 'The caption of the table leaderMemberCount is read from, where it comes from a table.',
  })
  leaderMemberCountCaption!: Source | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The row of that table (1 = first) leaderMemberCount is read from; null where it does not come from a table.',
  })
  leaderMemberCountTableRow!: number | null;

  @Field(() => [Figure], { description: 'Other readings of the leader-member total the sources give, each with its label.' })
  leaderMemberCountAlternatives!: Figure[];

  @Field(() => [Figure], { description: 'Every other figure the sources give (shares, counts, years), each with its label.' })
  otherFigures!: Figure[];

  @Field(() => Statement, { nullable: true, description: 'Who the organisation is for.' })
  scope!: Statement | null;

  @Field(() => Statement, { nullable: true })
  tagline!: Statement | null;

  @Field(() => Statement, { nullable: true })
  vision!: Statement | null;

  @Field(() => [Officer], { description: 'Offices the sources name (president, CEO...).' })
  officers!: Officer[];

  @Field(() => [RepresentativeRules], { description: 'Rules for workplace representatives, with their clauses and exceptions.' })
  representativeRules!: RepresentativeRules[];

  @Field(() => [WorkplaceGroup], { description: 'Workplace groups and clubs, and the rules for them.' })
  workplaceGroups!: WorkplaceGroup[];

  @Field(() => [UnitGroup], { description: 'How the organisation is divided into branches or sections, and what each is made of.' })
  unitGroups!: UnitGroup[];

  @Field(() => [LevelTerm], { description: 'Organisational levels the sources name.' })
  levels!: LevelTerm[];

  @Field(() => Secretariat, { nullable: true })
  secretariat!: Secretariat | null;

  @Field(() => [Statement], { description: 'Membership benefits, each with its quote.' })
  membershipBenefits!: Statement[];

  @Field(() => MembershipFee, { nullable: true })
  membershipFee!: MembershipFee | null;

  @Field(() => [PolicyDocument])
  policyDocuments!: PolicyDocument[];

  @Field(() => [Initiative])
  initiatives!: Initiative[];

  @Field(() => Statement, { nullable: true, description: 'What the organisation works for, on leaders\' terms.' })
  policyPositions!: Statement | null;

  @Field(() => Statement, { nullable: true, description: "How leader members are represented in the organisation's bodies." })
  representationRule!: Statement | null;

  @Field(() => Statement, { nullable: true, description: 'How a member registers as a leader.' })
  leaderRegistration!: Statement | null;

  @Field(() => Statement, { nullable: true, description: 'Who counts as a leader.' })
  leaderDefinition!: Statement | null;

  @Field(() => Statement, { nullable: true, description: 'How the organisation (or its affiliates) organise their leaders.' })
  leaderOrganisationPattern!: Statement | null;

  @Field(() => Statement, { nullable: true, description: 'What the affiliates typically offer their leader members.' })
  affiliateLeaderServices!: Statement | null;

  @Field(() => Affiliates, { nullable: true, description: 'Member organisations the sources name, for a confederation.' })
  affiliates!: Affiliates | null;

  @Field(() => [CooperationRole], { description: 'Roles in joint cooperations.' })
  cooperationRoles!: CooperationRole[];

  @Field(() => Statement, { nullable: true, description: 'Who wrote the source document, where it says so.' })
  authorship!: Statement | null;

  @Field(() => [SourceDocument], { description: "The source documents the organisation's facts quote, in the order they are first quoted." })
  sourceDocuments!: SourceDocument[];

  @Field(() => [CuratorNote], { description: 'Remarks of the curator where the sources give no quote; never a source\'s words.' })
  curatorNotes!: CuratorNote[];
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
