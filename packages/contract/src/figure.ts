import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { ENGLISH_RENDERING } from './rendering';

@ObjectType({ description: 'Where a fact comes from: a source document and a verbatim quote in its original language.' })
@Directive('@shareable')
export class Source {
  @Field({ description: 'File name of the source document.' })
  document!: string;

  @Field({ description: 'Verbatim quote (original language) that supports the fact.' })
  quote!: string;
}

@ObjectType({
  description: 'A figure as a source reports it. low null: only an upper bound is given; high null: only a lower bound.',
})
@Directive('@shareable')
export class Figure {
  @Field(() => Int, { nullable: true })
  low!: number | null;

  @Field(() => Int, { nullable: true })
  high!: number | null;

  @Field({ description: 'The source says about/around.' })
  approximate!: boolean;

  @Field({ description: 'The source calls the figure an estimate.' })
  estimate!: boolean;

  @Field(() => String, { nullable: true, description: 'How the source qualifies it ("over", "about", "estimated range").' })
  qualifier!: string | null;

  @Field(() => String, { nullable: true, description: 'What the figure covers, when narrower than the whole organisation.' })
  scope!: string | null;

  @Field(() => String, { nullable: true, description: 'What is counted, when not persons.' })
  unit!: string | null;

  @Field(() => Source, { nullable: true })
  source!: Source | null;

  @Field(() => String, {
    nullable: true,
    description: `What the figure counts, where its field does not say (otherFigures, alternatives). ${ENGLISH_RENDERING}`,
  })
  label?: string | null;

  @Field(() => String, { nullable: true, description: `A remark on the figure. ${ENGLISH_RENDERING}` })
  note?: string | null;
}
