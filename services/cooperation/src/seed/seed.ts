import { readFileSync } from 'node:fs';
import type { MikroORM } from '@mikro-orm/postgresql';
import { documentLanguages, SourcePassageEntity } from '@nlf/kit';
import {
  AuditEventEntity, DecisionEntity, MeetingRhythmEntity, ParticipantEntity, StatusChangeEntity, TopicEntity, WorkGroupEntity,
} from '../entities';
import type { OrganisationSource } from './domainTypes';
import { planCooperationPassages } from './planPassages';
import { planCooperationSeed } from './planSeed';

export interface CooperationSeedReport {
  workGroups: number;
  decisions: number;
}

const TABLES = [
  'audit_event', 'decision_status_change', 'decision', 'agenda_item', 'meeting_participant', 'meeting', 'meeting_rhythm', 'topic',
  'work_group_participant', 'work_group', 'source_passage',
];

/**
 * Resets the cooperation database to what the sources say, in one transaction: every work group,
 * meeting, decision and audit event written through the API is replaced (a failed seed changes nothing).
 */
export async function seedCooperation(orm: MikroORM, dataFile: string): Promise<CooperationSeedReport> {
  const { organisations, meta } = JSON.parse(readFileSync(dataFile, 'utf8')) as { organisations: OrganisationSource[]; meta: unknown };
  const languages = documentLanguages(meta);
  const plan = planCooperationSeed(organisations, new Date(), languages);
  const holderOf = new Map(organisations.flatMap((org) => (org.cooperation ? [[org.cooperation.id, org.id] as const] : [])));
  const passages = planCooperationPassages({
    workGroups: plan.workGroups.map((row) => ({
      holderId: holderOf.get(row.id)!,
      row,
      topics: plan.topics.filter((topic) => topic.workGroupId === row.id),
      meetingRhythm: plan.meetingRhythm.filter((rhythm) => rhythm.workGroupId === row.id),
    })),
    decisions: plan.decisions,
    languages,
  });
  await orm.em.fork().transactional(async (em) => {
    await em.getConnection().execute(`truncate ${TABLES.join(', ')} restart identity`, [], 'run', em.getTransactionContext());
    if (plan.workGroups.length) await em.insertMany(WorkGroupEntity, plan.workGroups);
    if (plan.participants.length) await em.insertMany(ParticipantEntity, plan.participants);
    if (plan.topics.length) await em.insertMany(TopicEntity, plan.topics);
    if (plan.meetingRhythm.length) await em.insertMany(MeetingRhythmEntity, plan.meetingRhythm);
    if (plan.decisions.length) await em.insertMany(DecisionEntity, plan.decisions);
    if (plan.statusChanges.length) await em.insertMany(StatusChangeEntity, plan.statusChanges);
    if (plan.audit.length) await em.insertMany(AuditEventEntity, plan.audit as never[]);
    if (passages.length) await em.insertMany(SourcePassageEntity, passages as never[]);
  });
  return { workGroups: plan.workGroups.length, decisions: plan.decisions.length };
}

/** Nothing seeded yet and nothing written through the API. */
export async function isEmpty(orm: MikroORM): Promise<boolean> {
  const em = orm.em.fork();
  return (await em.count(WorkGroupEntity, {})) === 0 && (await em.count(DecisionEntity, {})) === 0;
}
