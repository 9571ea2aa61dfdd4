import { Field, ID, InputType, Int } from 'type-graphql';
import { DecisionStatus, MeetingKind } from './enums';

// Limits and rules are checked by the domain services (src/domain), which name the field at fault.

/** The `language` of what a create mutation writes, for searching it (search/writtenPassages.ts). */
const LANGUAGE = {
  nullable: true,
  description:
    'The language its texts are written in (nb, nn, no, sv, da or en), so cooperationSearch matches their inflected forms ' +
    '(UNKNOWN_LANGUAGE otherwise). Default: not known; its texts are searched word for word, without stemming.',
};

@InputType()
export class CreateWorkGroupInput {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  purpose?: string | null;

  @Field(() => ID, { description: 'The organisation that runs the secretariat; it becomes a participant.' })
  secretariatId!: string;

  @Field(() => ID, { nullable: true })
  supportedById?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Further participants. Default: none.' })
  participantIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Shared topic titles. Default: none.' })
  topics?: string[] | null;

  @Field(() => String, LANGUAGE)
  language?: string | null;
}

@InputType()
export class UpdateWorkGroupInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The version read; a newer one means someone else changed it (VERSION_CONFLICT).' })
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: 'Unchanged when absent.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Unchanged when absent.' })
  purpose?: string | null;
}

@InputType()
export class ParticipantInput {
  @Field(() => ID)
  workGroupId!: string;

  @Field(() => ID)
  organisationId!: string;
}

@InputType()
export class ScheduleMeetingInput {
  @Field(() => ID)
  workGroupId!: string;

  @Field({ description: 'YYYY-MM-DD.' })
  date!: string;

  @Field(() => MeetingKind)
  kind!: MeetingKind;

  @Field(() => [ID], { nullable: true, description: 'Participants of the work group expected to attend. Default: none.' })
  participantIds?: string[] | null;
}

@InputType()
export class RecordMeetingInput {
  @Field(() => ID)
  meetingId!: string;

  @Field(() => Int)
  expectedVersion!: number;

  @Field()
  minutes!: string;

  @Field(() => [ID], { nullable: true, description: 'Who attended, replacing the expected list. Unchanged when absent.' })
  participantIds?: string[] | null;
}

@InputType()
export class AddAgendaItemInput {
  @Field(() => ID)
  meetingId!: string;

  @Field()
  title!: string;

  @Field(() => ID, { nullable: true, description: 'A topic of the meeting\'s work group.' })
  topicId?: string | null;
}

@InputType()
export class CreateDecisionInput {
  @Field(() => ID, { description: 'The organisation responsible.' })
  organisationId!: string;

  @Field(() => ID, { nullable: true })
  workGroupId?: string | null;

  @Field()
  title!: string;

  @Field(() => [String], { nullable: true, description: 'Default: none.' })
  clauses?: string[] | null;

  @Field(() => String, { nullable: true })
  deadline?: string | null;

  @Field(() => String, LANGUAGE)
  language?: string | null;
}

@InputType()
export class ChangeDecisionStatusInput {
  @Field(() => ID)
  decisionId!: string;

  @Field(() => DecisionStatus)
  status!: DecisionStatus;

  @Field(() => Int)
  expectedVersion!: number;

  @Field(() => String, { nullable: true })
  note?: string | null;
}
