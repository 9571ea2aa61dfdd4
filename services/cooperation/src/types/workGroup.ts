import { Figure, Source } from '@nlf/contract';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { MeetingKind, ParticipantRole } from './enums';
import { OrganisationRef } from './organisation';

@ObjectType({ description: 'An organisation taking part in a work group, and on what basis.' })
export class Participation {
  @Field(() => OrganisationRef, { nullable: true, description: 'Null when its subgraph is unavailable.' })
  organisation!: OrganisationRef;

  @Field(() => ParticipantRole)
  role!: ParticipantRole;

  @Field(() => String, { nullable: true, description: 'Why it is listed, where the source does not name it outright.' })
  basis!: string | null;

  @Field(() => Source, { nullable: true })
  source!: Source | null;
}

@ObjectType({ description: 'A shared topic a work group works on.' })
export class Topic {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field(() => Source, { nullable: true })
  source!: Source | null;
}

@ObjectType({ description: 'How often, and who, meets in a work group, as its source describes it (no dated meetings).' })
export class MeetingRhythm {
  @Field(() => MeetingKind)
  kind!: MeetingKind;

  @Field()
  description!: string;

  @Field(() => Figure, { nullable: true, description: 'Meetings per year where the source gives a number.' })
  frequency!: Figure | null;

  @Field(() => String, { nullable: true })
  participants!: string | null;

  @Field(() => String, { nullable: true })
  purpose!: string | null;

  @Field(() => Source, { nullable: true })
  source!: Source | null;
}

@ObjectType({ description: 'A joint work group across organisations, run by a secretariat.' })
export class WorkGroup {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  purpose!: string | null;

  @Field(() => [Source])
  sources!: Source[];

  @Field(() => Int, { description: 'Pass it as expectedVersion to updateWorkGroup.' })
  version!: number;

  @Field({ description: 'ISO 8601.' })
  createdAt!: string;

  @Field({ description: 'ISO 8601.' })
  updatedAt!: string;

  secretariatId!: string | null;
  supportedById!: string | null;
}
