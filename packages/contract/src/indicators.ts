import { Directive, Field, GraphQLISODateTime, Int, ObjectType } from 'type-graphql';
import { Figure } from './figure';

@ObjectType({
  description:
    "An organisation's shared indicators for dashboards: reported figures with their sources, live register " +
    'and structure counts. Aggregates only: never an individual leader member.',
})
@Directive('@shareable')
export class OrganisationIndicators {
  @Field(() => Figure, { nullable: true, description: 'Leader members as the sources report them (a range, with its source); null where they say nothing.' })
  leaderMemberCount!: Figure | null;

  @Field(() => Figure, { nullable: true, description: 'Members as the sources report them; null where they say nothing.' })
  memberCount!: Figure | null;

  @Field({ description: 'The sources give a leader-member figure for this organisation.' })
  reported!: boolean;

  @Field(() => Int, {
    nullable: true,
    description: "Leader members in the organisation's register now; null without a register, or when it holds fewer than registerLeaderMemberCountFewerThan.",
  })
  registerLeaderMemberCount!: number | null;

  @Field(() => Int, { nullable: true, description: 'Set to the suppression threshold when the register is smaller than that (shown as "fewer than N").' })
  registerLeaderMemberCountFewerThan!: number | null;

  @Field(() => Boolean, { nullable: true, description: 'The register holds generated test data; null without a register.' })
  registerSynthetic!: boolean | null;

  @Field(() => Int, { description: 'Governing bodies (congress, board, councils...) the sources describe.' })
  councilCount!: number;

  @Field(() => Int, { description: 'Forums, networks and programmes the sources describe.' })
  forumCount!: number;

  @Field(() => GraphQLISODateTime, { description: 'When the subgraph computed these indicators.' })
  computedAt!: Date;
}
