import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { RegisterDimension } from './enums';
import { Personal } from './personal';
import { PageInfo } from './register';

@ObjectType({ description: 'One cell of a register breakdown. Suppressed cells hide their count.' })
@Directive('@shareable')
export class BreakdownCell {
  @Field({ description: 'The category: a region, an age band ("40-49"), a title, a year, a branch id.' })
  key!: string;

  @Field(() => Int, { nullable: true, description: 'Null when suppressed.' })
  count!: number | null;

  @Field()
  suppressed!: boolean;
}

@ObjectType({
  description:
    'Leader members counted by one dimension. Cells below the threshold are suppressed, and enough other ' +
    'cells with them that no suppressed count can be worked out from the total and the rest.',
})
@Directive('@shareable')
export class RegisterBreakdown {
  @Field(() => RegisterDimension)
  dimension!: RegisterDimension;

  @Field(() => Int, { description: 'Smallest count shown.' })
  threshold!: number;

  @Field(() => Int, { nullable: true, description: 'Null when the register is smaller than the threshold (see RegisterStats).' })
  total!: number | null;

  @Field(() => [BreakdownCell], { description: 'Empty when withheld.' })
  cells!: BreakdownCell[];

  @Field({
    description:
      'True when no cell can be listed without letting a small count be worked out: the register is smaller than the ' +
      'threshold, or its cells are too few and small to hide among each other.',
  })
  withheld!: boolean;
}

@ObjectType({ description: "One read of an organisation's personal data: who, when, what." })
@Directive('@shareable')
@Personal()
export class PersonalDataAccess {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Subject of the reader.' })
  actor!: string;

  @Field()
  role!: string;

  @Field({ description: 'The field read, e.g. leaderMembers.' })
  field!: string;

  @Field(() => [ID], { description: 'The ids of the personal records returned: members, or the entries of this log read.' })
  memberIds!: string[];

  @Field({
    description:
      'The arguments of the read as JSON, e.g. {"text":"Kjell Eriksen","first":0}: what a search or a count asked about, ' +
      'even when it returned no one.',
  })
  arguments!: string;

  @Field({ description: 'ISO 8601 time of the read.' })
  accessedAt!: string;
}

@ObjectType()
@Directive('@shareable')
export class PersonalDataAccessEdge {
  @Field()
  cursor!: string;

  @Field(() => PersonalDataAccess)
  node!: PersonalDataAccess;
}

@ObjectType({ description: 'The audit log of reads of personal data, newest first.' })
@Directive('@shareable')
export class PersonalDataAccessConnection {
  @Field(() => [PersonalDataAccessEdge])
  edges!: PersonalDataAccessEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
