import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { CouncilKind, Level, Role } from './enums';
import { Figure, Source } from './figure';
import { ENGLISH_RENDERING } from './rendering';

@ObjectType({ description: 'Seats of one role in a council, as the source describes its composition.' })
@Directive('@shareable')
export class Seat {
  @Field(() => Role)
  role!: Role;

  @Field({ description: 'Title in the original language.' })
  originalTitle!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'A named office-holder of a council, named by the source.' })
@Directive('@shareable')
export class CouncilMember {
  @Field(() => Role)
  role!: Role;

  @Field({ description: 'Title in the original language.' })
  originalTitle!: string;

  @Field()
  name!: string;

  @Field(() => Source, { nullable: true })
  source!: Source | null;
}

@ObjectType({ description: 'A governing body: congress, national meeting, board, committee or council.' })
@Directive('@shareable')
export class Council {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Name in the original language.' })
  name!: string;

  @Field(() => CouncilKind)
  kind!: CouncilKind;

  @Field(() => String, { nullable: true })
  role!: string | null;

  @Field(() => String, { nullable: true })
  meetingFrequency!: string | null;

  @Field(() => String, { nullable: true })
  electedBy!: string | null;

  @Field(() => String, { nullable: true })
  term!: string | null;

  @Field(() => Figure, { nullable: true, description: 'Number of seats, where the source gives it.' })
  size!: Figure | null;

  @Field(() => [Seat], { description: 'Composition by role, where the source gives it.' })
  seats!: Seat[];

  @Field(() => [CouncilMember], { description: 'Office-holders the source names; never invented.' })
  members!: CouncilMember[];

  @Field(() => [Source])
  sources!: Source[];

  @Field(() => String, { nullable: true, description: `Who takes part. ${ENGLISH_RENDERING}` })
  participants!: string | null;

  @Field(() => String, { nullable: true, description: `What it deals with. ${ENGLISH_RENDERING}` })
  agenda!: string | null;

  @Field(() => [String], { description: `The bodies and offices it elects. ${ENGLISH_RENDERING}` })
  elects!: string[];

  @Field(() => String, { nullable: true, description: `Whom it reports to, and how often. ${ENGLISH_RENDERING}` })
  reportsTo!: string | null;

  @Field(() => String, { nullable: true, description: 'Whom it is for (e.g. LEADERS), where the sources say so.' })
  audience!: string | null;

  @Field(() => [Level], { description: 'The levels it sits at, where the sources say so.' })
  levels!: Level[];

  @Field(() => Boolean, { nullable: true, description: 'True where the sources say the statutes lay it down; null where they do not say.' })
  statutory!: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'PROPOSED for a body decided on but not yet written into the statutes; null where the sources give no status.',
  })
  status!: string | null;
}
