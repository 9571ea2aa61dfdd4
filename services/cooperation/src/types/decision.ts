import { Source } from '@nlf/contract';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ActivityState, DecisionStatus } from './enums';

@ObjectType()
export class DecisionActivity {
  @Field()
  text!: string;

  @Field(() => ActivityState)
  state!: ActivityState;
}

@ObjectType({ description: 'One step of a decision\'s status, oldest first.' })
export class DecisionStatusChange {
  @Field(() => DecisionStatus)
  status!: DecisionStatus;

  @Field(() => String, { nullable: true, description: 'The status in the source\'s words, e.g. "Klar", "Pågår".' })
  originalStatus!: string | null;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601; null for the status a source reports (the sources are undated).' })
  changedAt!: string | null;

  @Field({ description: 'Who made the change; "seed" for a status loaded from the sources.' })
  changedBy!: string;

  @Field(() => Source, { nullable: true })
  source!: Source | null;
}

@ObjectType({ description: 'A decision or initiative of one organisation, with clauses, activities and status history.' })
export class Decision {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { nullable: true, description: 'Year of the congress that made it.' })
  congress!: number | null;

  @Field(() => Int, { nullable: true })
  motionNumber!: number | null;

  @Field(() => String, { nullable: true, description: 'Where it comes from in the source\'s words, e.g. "Landsmøtevedtak 2023".' })
  origin!: string | null;

  @Field({ description: 'In the original language.' })
  title!: string;

  @Field(() => [String], { description: 'The decision clauses (att-satser), in the original language.' })
  clauses!: string[];

  @Field(() => DecisionStatus)
  status!: DecisionStatus;

  @Field(() => String, { nullable: true })
  originalStatus!: string | null;

  @Field(() => String, { nullable: true, description: 'E.g. "Klar" while a sub-activity still runs.' })
  statusNote!: string | null;

  @Field(() => String, { nullable: true })
  deadline!: string | null;

  @Field(() => String, { nullable: true })
  outcome!: string | null;

  @Field(() => [DecisionActivity])
  activities!: DecisionActivity[];

  @Field(() => [String], { description: 'Parts the source lists as still to do.' })
  remainingParts!: string[];

  @Field(() => [Source])
  sources!: Source[];

  @Field(() => Int, { description: 'Pass it as expectedVersion to changeDecisionStatus.' })
  version!: number;

  organisationId!: string;
  workGroupId!: string | null;
}
