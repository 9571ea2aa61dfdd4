import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { ForumKind, Level } from './enums';
import { Figure, Source } from './figure';

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
}
