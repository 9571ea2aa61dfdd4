import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { BranchKind, SectionKind } from './enums';
import { Figure, Source } from './figure';

@ObjectType({ description: 'A named unit below the national level that members belong to.' })
@Directive('@shareable')
export class Branch {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: 'Null where the source names the unit but not its name.' })
  name!: string | null;

  @Field(() => BranchKind)
  kind!: BranchKind;

  @Field(() => String, { nullable: true })
  sector!: string | null;

  @Field(() => Figure, { nullable: true })
  memberCount!: Figure | null;

  @Field(() => String, { nullable: true })
  status!: string | null;

  @Field(() => Source, { nullable: true })
  source!: Source | null;
}

@ObjectType({
  description: 'How many branches an organisation has, where the source gives a count but not the branches themselves.',
})
@Directive('@shareable')
export class BranchCount {
  @Field(() => BranchKind, { nullable: true, description: 'Null: all kinds together.' })
  kind!: BranchKind | null;

  @Field({ description: 'Term in the original language.' })
  originalTerm!: string;

  @Field(() => Figure)
  count!: Figure;
}

@ObjectType({ description: 'A grouping of members by occupation or role inside an organisation, across branches.' })
@Directive('@shareable')
export class Section {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  abbreviation!: string | null;

  @Field(() => SectionKind)
  kind!: SectionKind;

  @Field(() => Source, { nullable: true })
  source!: Source | null;
}
