import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Personal } from './personal';

@ObjectType({ description: "Live counts from an organisation's own leader-member register." })
@Directive('@shareable')
export class RegisterStats {
  @Field({ description: 'True: the register holds generated test data, not real people.' })
  synthetic!: boolean;

  @Field(() => Int, {
    nullable: true,
    description: 'Leader members in the register now; null when fewer than the suppression threshold (see leaderMemberCountFewerThan).',
  })
  leaderMemberCount!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Set to the suppression threshold when the register holds fewer leader members than that: shown as "fewer than N", never exactly.',
  })
  leaderMemberCountFewerThan!: number | null;
}

@ObjectType({ description: 'One leader member of a union. Personal data: visible only to that union.' })
@Directive('@shareable')
@Personal()
export class LeaderMember {
  @Field(() => ID)
  id!: string;

  @Field()
  givenName!: string;

  @Field()
  familyName!: string;

  @Field({ description: 'Job title in the original language.' })
  title!: string;

  @Field({ description: 'First-level region (fylke, län, region).' })
  region!: string;

  @Field({ description: 'Date joined, ISO 8601 (YYYY-MM-DD).' })
  joinedOn!: string;

  @Field({ description: 'True: generated test data, not a real person.' })
  synthetic!: boolean;
}

@ObjectType()
@Directive('@shareable')
export class LeaderMemberEdge {
  @Field()
  cursor!: string;

  @Field(() => LeaderMember)
  node!: LeaderMember;
}

@ObjectType()
@Directive('@shareable')
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType({ description: 'A page of leader members, ordered by id; pass pageInfo.endCursor as `after` for the next.' })
@Directive('@shareable')
export class LeaderMemberConnection {
  @Field(() => [LeaderMemberEdge])
  edges!: LeaderMemberEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
