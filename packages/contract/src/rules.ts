import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Figure, Source } from './figure';
import { ENGLISH_RENDERING } from './rendering';

@ObjectType({ description: 'One clause of a rule set, as the sources state it.' })
@Directive('@shareable')
export class RuleClause {
  @Field(() => String, { nullable: true, description: 'The clause\'s letter or number in the rule set, e.g. "a".' })
  key!: string | null;

  @Field(() => String, { nullable: true, description: ENGLISH_RENDERING })
  english!: string | null;

  @Field(() => [Source])
  sources!: Source[];
}

@ObjectType({ description: 'An exception the rules allow, who grants it and on what conditions.' })
@Directive('@shareable')
export class RuleException {
  @Field(() => String, { nullable: true, description: `Who grants the exception and under which provision. ${ENGLISH_RENDERING}` })
  grantedBy!: string | null;

  @Field(() => [String], { description: `Conditions of the exception, including who pays for the time. ${ENGLISH_RENDERING}` })
  conditions!: string[];

  @Field(() => [Source])
  sources!: Source[];
}

@ObjectType({ description: "A union's rules for its workplace representatives (e.g. Ledarna's företrädare)." })
@Directive('@shareable')
export class RepresentativeRules {
  @Field({ description: 'What the sources call the representatives, in the original language.' })
  originalTerm!: string;

  @Field(() => String, { nullable: true, description: `Who decided the rules, and when. ${ENGLISH_RENDERING}` })
  decidedBy!: string | null;

  @Field(() => [RuleClause])
  clauses!: RuleClause[];

  @Field(() => [RuleException])
  exceptions!: RuleException[];

  @Field(() => [Source], { description: 'Quotes about the rule set as a whole.' })
  sources!: Source[];
}

@ObjectType({
  description:
    "Groups of members at one workplace or employer (Lederne's bedriftsgrupper, Ledarna's klubbar) and the rules for them.",
})
@Directive('@shareable')
export class WorkplaceGroup {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Term in the original language.' })
  originalTerm!: string;

  @Field(() => Figure, { nullable: true, description: 'How many there are; null where the sources do not say.' })
  count!: Figure | null;

  @Field(() => Figure, { nullable: true, description: 'Members a workplace needs before a group can be set up.' })
  minimumMembers!: Figure | null;

  @Field(() => String, { nullable: true, description: `The group's own representative. ${ENGLISH_RENDERING}` })
  representative!: string | null;

  @Field(() => String, { nullable: true, description: `Which unit each group belongs to. ${ENGLISH_RENDERING}` })
  belongsTo!: string | null;

  @Field(() => String, { nullable: true, description: `The group's main task. ${ENGLISH_RENDERING}` })
  mainTask!: string | null;

  @Field(() => String, { nullable: true, description: `What a group may cover (employer, organisation number). ${ENGLISH_RENDERING}` })
  scopeRule!: string | null;

  @Field(() => [Source])
  sources!: Source[];
}
