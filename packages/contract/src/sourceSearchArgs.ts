import { ArgsType, Field, Int } from 'type-graphql';
import { SOURCE_SEARCH_DEFAULT_PAGE } from './limits';

/**
 * The arguments of every source search (a union's sourceSearch, the cooperation subgraph's
 * cooperationSearch), declared once so both print `(text: String!, first: Int = 10, after: String)`.
 */
@ArgsType()
export class SourceSearchArgs {
  @Field(() => String)
  text!: string;

  @Field(() => Int, { nullable: true, defaultValue: SOURCE_SEARCH_DEFAULT_PAGE })
  first!: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}
