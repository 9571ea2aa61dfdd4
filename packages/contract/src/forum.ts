import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { ForumKind, Level } from './enums';
import { Figure, Source } from './figure';
import { ENGLISH_RENDERING } from './rendering';

@ObjectType({ description: 'An informal meeting place, network or programme; not a decision-making body.' })
@Directive('@shareable')
export class Forum {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Name in the original language.' })
  name!: string;

  @Field(() => ForumKind)
  kind!: ForumKind;

  @Field(() => [Level])
  levels!: Level[];

  @Field(() => String, { nullable: true })
  audience!: string | null;

  @Field(() => [Source])
  sources!: Source[];

  @Field(() => Figure, { nullable: true, description: 'How many take part, where the sources give a figure.' })
  participantCount?: Figure | null;

  @Field(() => String, { nullable: true, description: `Who takes part, where the sources say it in words. ${ENGLISH_RENDERING}` })
  participants!: string | null;

  @Field(() => ID, { nullable: true, description: 'The section (sections[].id) the forum belongs to, where the sources say so.' })
  partOf!: string | null;

  @Field(() => String, { nullable: true, description: `How many there are, where the sources give no figure. ${ENGLISH_RENDERING}` })
  cardinality!: string | null;

  @Field(() => String, { nullable: true, description: `Its state, e.g. planned from a year. ${ENGLISH_RENDERING}` })
  status!: string | null;

  @Field(() => String, { nullable: true, description: `How often it meets. ${ENGLISH_RENDERING}` })
  meetingFrequency!: string | null;

  @Field(() => [String], { description: 'What it works on, in the original language.' })
  focusAreas!: string[];

  @Field(() => String, { nullable: true, description: `When it ends, as the sources give it. ${ENGLISH_RENDERING}` })
  ends!: string | null;
}
