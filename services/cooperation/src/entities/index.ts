export * from './values';
export * from './workGroup';
export * from './meeting';
export * from './decision';
export * from './audit';

import { DataVersionEntity, SourcePassageEntity } from '@nlf/kit';
import { AuditEventEntity } from './audit';
import { DecisionEntity, StatusChangeEntity } from './decision';
import { AgendaItemEntity, MeetingEntity, MeetingParticipantEntity } from './meeting';
import { MeetingRhythmEntity, ParticipantEntity, TopicEntity, WorkGroupEntity } from './workGroup';

/** The cooperation subgraph's storage model, for MikroORM's `entities` option. */
export const cooperationEntities = [
  WorkGroupEntity,
  ParticipantEntity,
  TopicEntity,
  MeetingRhythmEntity,
  MeetingEntity,
  MeetingParticipantEntity,
  AgendaItemEntity,
  DecisionEntity,
  StatusChangeEntity,
  AuditEventEntity,
  SourcePassageEntity,
  DataVersionEntity,
];
