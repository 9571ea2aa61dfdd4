import { Directive, Field, ObjectType } from 'type-graphql';
import { Source } from './figure';
import { ENGLISH_RENDERING } from './rendering';

@ObjectType({
  description:
    'A fact the sources state: the curator\'s English rendering beside the verbatim quotes (original language) that support it.',
})
@Directive('@shareable')
export class Statement {
  @Field(() => String, { nullable: true, description: ENGLISH_RENDERING })
  english!: string | null;

  @Field(() => [String], { description: `Points the fact lists, one each. ${ENGLISH_RENDERING}` })
  items!: string[];

  @Field(() => [Source], { description: 'The quotes that support the fact.' })
  sources!: Source[];
}

@ObjectType({
  description:
    'A remark of the curator on a field, where the sources give no quote (e.g. why a figure is null). ' +
    'Never a source\'s words.',
})
@Directive('@shareable')
export class CuratorNote {
  @Field({ description: 'The field the note is about, e.g. "leaderMemberCount", "parentId", "forums".' })
  field!: string;

  @Field({ description: ENGLISH_RENDERING })
  english!: string;
}
