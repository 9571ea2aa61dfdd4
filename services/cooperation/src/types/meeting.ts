import { Field, ID, Int, ObjectType } from 'type-graphql';
import { MeetingKind, MeetingStatus } from './enums';

@ObjectType({ description: 'A point on a meeting agenda, linked to one of the work group\'s topics where it belongs to one.' })
export class AgendaItem {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  topicId!: string | null;
}

@ObjectType({ description: 'A scheduled or held meeting of a work group.' })
export class Meeting {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Calendar date, YYYY-MM-DD.' })
  date!: string;

  @Field(() => MeetingKind)
  kind!: MeetingKind;

  @Field(() => MeetingStatus)
  status!: MeetingStatus;

  @Field(() => String, { nullable: true, description: 'Set when the meeting is recorded.' })
  minutes!: string | null;

  @Field(() => Int, { description: 'Pass it as expectedVersion to recordMeeting.' })
  version!: number;

  workGroupId!: string;
}
