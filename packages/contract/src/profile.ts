import { Directive, Field, Float, ID, ObjectType } from 'type-graphql';
import { Level, Role } from './enums';
import { Figure, Source } from './figure';
import { ENGLISH_RENDERING } from './rendering';

@ObjectType({ description: 'A body of a unit (a branch board, a branch meeting) as the sources describe it.' })
@Directive('@shareable')
export class UnitBody {
  @Field({ description: 'Name in the original language.' })
  originalTerm!: string;

  @Field(() => String, { nullable: true, description: ENGLISH_RENDERING })
  electedBy!: string | null;

  @Field(() => String, { nullable: true, description: ENGLISH_RENDERING })
  frequency!: string | null;

  @Field(() => String, { nullable: true, description: ENGLISH_RENDERING })
  deadline!: string | null;
}

@ObjectType({
  description:
    'How an organisation is divided into branches or sections, as one kind (Lederne\'s avdelinger, Ledarna\'s ' +
    'branschföreningar, Fagforbundet\'s seksjoner): what each is made of and the rules for it. The units themselves ' +
    'are under branches and sections.',
})
@Directive('@shareable')
export class UnitGroup {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Term in the original language.' })
  originalTerm!: string;

  @Field({ description: 'BRANCH or SECTION: whether the units are listed under branches or sections.' })
  unitType!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The kind of its units (GEOGRAPHIC, INDUSTRY or LOCAL branches; OCCUPATIONAL sections), where the sources say.',
  })
  kind!: string | null;

  @Field(() => Figure, { nullable: true, description: 'How many there are; null where the sources do not say.' })
  count!: Figure | null;

  @Field(() => String, { nullable: true, description: `What each unit is made of. ${ENGLISH_RENDERING}` })
  composition!: string | null;

  @Field(() => String, { nullable: true, description: `How members are placed in a unit. ${ENGLISH_RENDERING}` })
  membershipRule!: string | null;

  @Field(() => String, { nullable: true, description: `What the units' fees are. ${ENGLISH_RENDERING}` })
  fees!: string | null;

  @Field(() => String, { nullable: true, description: `What the units work on. ${ENGLISH_RENDERING}` })
  work!: string | null;

  @Field(() => UnitBody, { nullable: true, description: "The unit's board." })
  board!: UnitBody | null;

  @Field(() => UnitBody, { nullable: true, description: "The unit's members' meeting." })
  meeting!: UnitBody | null;

  @Field(() => [Source])
  sources!: Source[];
}

@ObjectType({ description: 'An office of the organisation (president, CEO...) as the sources name it; no person is named.' })
@Directive('@shareable')
export class Officer {
  @Field(() => Role)
  role!: Role;

  @Field({ description: 'Title in the original language.' })
  originalTitle!: string;

  @Field(() => String, { nullable: true, description: ENGLISH_RENDERING })
  electedBy!: string | null;

  @Field(() => String, { nullable: true, description: ENGLISH_RENDERING })
  note!: string | null;

  @Field(() => Source, { nullable: true })
  source!: Source | null;
}

@ObjectType({ description: 'An office location of the secretariat.' })
@Directive('@shareable')
export class Office {
  @Field()
  city!: string;

  @Field({ description: ENGLISH_RENDERING })
  english!: string;
}

@ObjectType({ description: "The secretariat's own units (seksjoner), as the sources name them." })
@Directive('@shareable')
export class StaffUnits {
  @Field({ description: 'Term in the original language.' })
  originalTerm!: string;

  @Field(() => Figure, { nullable: true })
  count!: Figure | null;

  @Field(() => [String], { description: 'Names in the original language.' })
  names!: string[];

  @Field(() => [Source])
  sources!: Source[];
}

@ObjectType({ description: "The organisation's staff (sekretariat, kansli)." })
@Directive('@shareable')
export class Secretariat {
  @Field({ description: 'Term in the original language.' })
  originalTerm!: string;

  @Field(() => String, { nullable: true, description: 'Title of who leads it, in the original language.' })
  ledBy!: string | null;

  @Field(() => Figure, { nullable: true, description: 'Staff; null where the sources do not say.' })
  staffCount!: Figure | null;

  @Field(() => [Office])
  offices!: Office[];

  @Field(() => StaffUnits, { nullable: true })
  staffUnits!: StaffUnits | null;

  @Field(() => [String], { description: 'Units the sources mention in passing, in the original language.' })
  units!: string[];

  @Field(() => [Source])
  sources!: Source[];
}

@ObjectType({ description: 'What members pay, as the sources state it.' })
@Directive('@shareable')
export class MembershipFee {
  @Field(() => Float, { nullable: true, description: 'The rate, e.g. 1.45.' })
  rate!: number | null;

  @Field(() => String, { nullable: true, description: `Unit of the rate, e.g. "percent of salary". ${ENGLISH_RENDERING}` })
  rateUnit!: string | null;

  @Field(() => String, { nullable: true, description: `Who pays the rate. ${ENGLISH_RENDERING}` })
  appliesTo!: string | null;

  @Field(() => [String], { description: `What comes on top of the rate. ${ENGLISH_RENDERING}` })
  extras!: string[];

  @Field(() => String, { nullable: true, description: `What applies to students. ${ENGLISH_RENDERING}` })
  students!: string | null;

  @Field(() => [Source])
  sources!: Source[];
}

@ObjectType({ description: 'A policy document, programme or the statutes, as the sources name it.' })
@Directive('@shareable')
export class PolicyDocument {
  @Field({ description: 'Name in the original language.' })
  name!: string;

  @Field({ description: 'POLICY_DOCUMENT or STATUTES.' })
  documentType!: string;

  @Field(() => Source, { nullable: true })
  source!: Source | null;
}

@ObjectType({ description: 'A campaign or programme of work the organisation ran or runs.' })
@Directive('@shareable')
export class Initiative {
  @Field({ description: 'Name in the original language.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'The period, as the sources give it.' })
  period!: string | null;

  @Field(() => [String], { description: `Its goals. ${ENGLISH_RENDERING}` })
  goals!: string[];

  @Field(() => [Source])
  sources!: Source[];
}

@ObjectType({ description: 'A member organisation of a confederation, as the sources name it.' })
@Directive('@shareable')
export class Affiliate {
  @Field(() => ID)
  organisationId!: string;

  @Field(() => String, { nullable: true, description: ENGLISH_RENDERING })
  note!: string | null;
}

@ObjectType({ description: "A confederation's member organisations the sources name, and what they say about them." })
@Directive('@shareable')
export class Affiliates {
  @Field(() => [Affiliate])
  organisations!: Affiliate[];

  @Field(() => String, { nullable: true, description: ENGLISH_RENDERING })
  note!: string | null;

  @Field(() => [Source])
  sources!: Source[];
}

@ObjectType({ description: 'An organisational level, with the term the sources use for it.' })
@Directive('@shareable')
export class LevelTerm {
  @Field(() => Level)
  level!: Level;

  @Field({ description: 'Term in the original language.' })
  originalTerm!: string;
}

@ObjectType({ description: 'Why the organisation is placed in its country.' })
@Directive('@shareable')
export class CountryBasis {
  @Field({ description: '"stated": a source says it; otherwise how it was worked out.' })
  basis!: string;

  @Field(() => Source, { nullable: true })
  source!: Source | null;

  @Field(() => String, { nullable: true, description: `How it was worked out, where no source says it. ${ENGLISH_RENDERING}` })
  note!: string | null;
}

@ObjectType({ description: 'A source document the facts quote: what it is and the language its quotes are in.' })
@Directive('@shareable')
export class SourceDocument {
  @Field({ description: 'File name, as Source.document names it.' })
  document!: string;

  @Field(() => String, { nullable: true, description: 'Language of its text: nb, sv or da; null where not known.' })
  language!: string | null;

  @Field(() => ID, { nullable: true, description: 'The organisation whose document it is.' })
  organisationId!: string | null;

  @Field(() => String, { nullable: true, description: `What the document is. ${ENGLISH_RENDERING}` })
  about!: string | null;
}

@ObjectType({ description: 'A role the organisation has in a joint cooperation.' })
@Directive('@shareable')
export class CooperationRole {
  @Field(() => ID, { description: 'The cooperation (see workGroups).' })
  cooperationId!: string;

  @Field({ description: 'e.g. SECRETARIAT.' })
  role!: string;

  @Field(() => String, { nullable: true, description: ENGLISH_RENDERING })
  english!: string | null;

  @Field(() => Source, { nullable: true })
  source!: Source | null;
}
