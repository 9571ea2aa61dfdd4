import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Source } from './figure';
import { PageInfo } from './register';

export enum PassageKind {
  QUOTE = 'QUOTE',
  ORIGINAL_TEXT = 'ORIGINAL_TEXT',
  ENGLISH_RENDERING = 'ENGLISH_RENDERING',
}
registerEnumType(PassageKind, {
  name: 'PassageKind',
  description:
    "QUOTE: a source's verbatim words. ORIGINAL_TEXT: text in the source's language the data records without marking " +
    "it a quote (a decision's title or clauses). ENGLISH_RENDERING: the curator's English, never a source's words.",
});

@ObjectType({ description: 'A passage of the sources that matched a search, with the fact it supports.' })
@Directive('@shareable')
export class SourcePassage {
  @Field(() => ID, { description: 'The organisation the passage is about.' })
  organisationId!: string;

  @Field({ description: 'Where the fact is in the API, e.g. "representativeRules[0].clauses[2]" or "decisions[3]".' })
  field!: string;

  @Field({ description: "The fact it supports: its English rendering where there is one, else its name in the source's language." })
  fact!: string;

  @Field(() => PassageKind)
  kind!: PassageKind;

  @Field({ description: 'Language of the passage: nb, sv, da or en (the renderings).' })
  language!: string;

  @Field()
  text!: string;

  @Field(() => String, { nullable: true, description: 'The source document (for a rendering, that of the quotes beside it).' })
  document!: string | null;

  @Field(() => [Source], { description: 'The quotes of the fact: for a rendering, the evidence beside it; for a quote, itself.' })
  sources!: Source[];

  @Field(() => Float, { description: "Relevance within this organisation's answer only: not comparable across organisations or languages." })
  score!: number;
}

@ObjectType()
@Directive('@shareable')
export class SourcePassageEdge {
  @Field()
  cursor!: string;

  @Field(() => SourcePassage)
  node!: SourcePassage;
}

@ObjectType({ description: "One organisation's passages that matched, best first; pass pageInfo.endCursor as `after` for more." })
@Directive('@shareable')
export class SourcePassageConnection {
  @Field(() => [SourcePassageEdge])
  edges!: SourcePassageEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Passages of this organisation that matched, on every page.' })
  totalCount!: number;
}
