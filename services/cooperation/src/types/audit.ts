import { PageInfo } from '@nlf/contract';
import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One field a change touched; values as JSON text (null when absent).' })
export class FieldChange {
  @Field()
  field!: string;

  @Field(() => String, { nullable: true })
  from!: string | null;

  @Field(() => String, { nullable: true })
  to!: string | null;
}

@ObjectType({ description: 'Who changed what, and when. Kept forever; the API never alters it.' })
export class AuditEvent {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'ISO 8601.' })
  at!: string;

  @Field({ description: 'The caller who made the change.' })
  actor!: string;

  @Field({ description: 'The mutation, e.g. "changeDecisionStatus"; "seed" for data loaded from the sources.' })
  action!: string;

  @Field({ description: 'WorkGroup, Meeting or Decision.' })
  entityType!: string;

  @Field(() => ID)
  entityId!: string;

  @Field(() => [FieldChange])
  changes!: FieldChange[];
}

@ObjectType()
export class AuditEventEdge {
  @Field()
  cursor!: string;

  @Field(() => AuditEvent)
  node!: AuditEvent;
}

@ObjectType({ description: 'A page of the audit trail, newest first; pass pageInfo.endCursor as `after` for the next.' })
export class AuditEventConnection {
  @Field(() => [AuditEventEdge])
  edges!: AuditEventEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
