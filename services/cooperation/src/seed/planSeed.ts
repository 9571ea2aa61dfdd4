import type {
  ActivityData, AuditEventRow, DecisionRow, MeetingRhythmRow, ParticipantRow, SourceData, StatusChangeRow, TopicRow,
  WorkGroupRow,
} from '../entities';
import { toFigureData, toSourceData, type DomainSource } from '@nlf/kit';
import type { CongressDecisionSource, CooperationSource, OrganisationSource } from './domainTypes';
import { JOINT_TOPIC_QUOTES, JOINT_WORK_PURPOSE, LO_PAPER, MEMBER_BASIS } from './sources';

export interface CooperationSeedPlan {
  workGroups: WorkGroupRow[];
  participants: ParticipantRow[];
  topics: TopicRow[];
  meetingRhythm: MeetingRhythmRow[];
  decisions: DecisionRow[];
  statusChanges: StatusChangeRow[];
  audit: Omit<AuditEventRow, 'id'>[];
}

/** The actor the audit trail and status history name for what was loaded from the sources. */
export const SEED_ACTOR = 'seed';

// organisations.json's sources and figures become stored data as the kit seeds them for the unions.
const toSource = (ref: DomainSource): SourceData => toSourceData(ref)!;

/** The evidence quote that contains `text`; the plan fails loudly when the data no longer has it. */
function quoteWith(evidence: readonly DomainSource[], text: string): SourceData {
  const ref = evidence.find((candidate) => candidate.quote.includes(text));
  if (!ref) throw new Error(`organisations.json: no evidence quote containing "${text}"`);
  return toSource(ref);
}

/** The language of a row's text: that of the document its first quote is from. */
type LanguageOf = (sources: readonly SourceData[]) => string | null;

function planWorkGroup(holder: OrganisationSource, cooperation: CooperationSource, now: Date, languageOf: LanguageOf) {
  const id = cooperation.id;
  const staff = quoteWith(cooperation.evidence, 'løbende, praktisk samarbejde');
  const secretariat = quoteWith(cooperation.evidence, 'sekretariatsfunktionen');
  const political = quoteWith(cooperation.evidence, 'Formålet med disse møder');
  const purpose: SourceData = { document: LO_PAPER, quote: JOINT_WORK_PURPOSE.quote };
  const sources = [purpose, ...cooperation.evidence.map(toSource)];
  const workGroup: WorkGroupRow = {
    id, name: cooperation.name, purpose: JOINT_WORK_PURPOSE.text, secretariatId: cooperation.secretariat,
    supportedById: cooperation.supportedBy, sources, language: languageOf(sources), version: 1, createdAt: now, updatedAt: now,
  };
  const roles: Omit<ParticipantRow, 'id' | 'position' | 'workGroupId'>[] = [
    { organisationId: cooperation.secretariat, role: 'SECRETARIAT', basis: null, source: secretariat },
    ...(cooperation.supportedBy ? [{ organisationId: cooperation.supportedBy, role: 'SUPPORT' as const, basis: null, source: secretariat }] : []),
    ...(holder.affiliatesWithLeaderMembers ?? []).map((organisationId) => ({
      organisationId, role: 'MEMBER' as const, basis: MEMBER_BASIS, source: staff,
    })),
  ];
  const participants = roles.map((role, index) => ({ ...role, id: `${id}/${role.organisationId}`, workGroupId: id, position: index + 1 }));
  if (cooperation.topics.length !== JOINT_TOPIC_QUOTES.length) {
    throw new Error(`organisations.json lists ${cooperation.topics.length} topics for ${id}; the paper's quotes are for ${JOINT_TOPIC_QUOTES.length}`);
  }
  const topics: TopicRow[] = cooperation.topics.map((title, index) => ({
    id: `${id}/topic-${index + 1}`, workGroupId: id, position: index + 1, title,
    source: { document: LO_PAPER, quote: JOINT_TOPIC_QUOTES[index]! },
  }));
  const meetingRhythm: MeetingRhythmRow[] = [
    {
      id: `${id}/rhythm-elected`, workGroupId: id, position: 1, kind: 'ELECTED_REPRESENTATIVES',
      description: 'Meetings between the elected officials of the individual unions',
      frequency: toFigureData(cooperation.politicalMeetings.frequency), participants: cooperation.politicalMeetings.participants,
      purpose: cooperation.politicalMeetings.purpose, source: political,
    },
    {
      id: `${id}/rhythm-staff`, workGroupId: id, position: 2, kind: 'STAFF_COORDINATION', description: cooperation.form,
      frequency: null, participants: cooperation.participants, purpose: null, source: staff,
    },
  ];
  return { workGroup, participants, topics, meetingRhythm };
}

function activities(decision: CongressDecisionSource): ActivityData[] {
  return [
    ...(decision.activitiesDone ?? []).map((text): ActivityData => ({ text, state: 'DONE' })),
    // "(pågår)" is the source's word for an activity still running.
    ...(decision.activitiesPlanned ?? []).map((text): ActivityData => ({ text, state: /\(pågår\)/.test(text) ? 'ONGOING' : 'PLANNED' })),
  ];
}

function planDecision(organisationId: string, decision: CongressDecisionSource, now: Date, languageOf: LanguageOf) {
  const sources = (decision.evidence ?? (decision.source ? [decision.source] : [])).map(toSource);
  const status = decision.statusEnum ?? 'UNKNOWN';
  const row: DecisionRow = {
    id: decision.id, organisationId, workGroupId: null, congress: decision.congress ?? null, motionNumber: decision.motionNumber ?? null,
    origin: decision.origin ?? null, title: decision.title,
    clauses: decision.decisionClauses ?? (decision.decisionText ? [decision.decisionText] : []), status,
    originalStatus: decision.status, statusNote: decision.statusNote ?? null, deadline: decision.deadline ?? null,
    outcome: decision.outcome ?? null, activities: activities(decision), remainingParts: decision.remainingParts ?? [], sources,
    language: languageOf(sources), version: 1, createdAt: now, updatedAt: now,
  };
  const statusChange: StatusChangeRow = {
    id: `${decision.id}/status-1`, decisionId: decision.id, position: 1, status, originalStatus: decision.status,
    note: decision.statusNote ?? null, changedAt: null, changedBy: SEED_ACTOR,
    source: sources.find((source) => source.quote.includes('Status')) ?? null,
  };
  return { row, statusChange };
}

/**
 * organisations.json → the cooperation subgraph's rows: only what the sources say, nothing dated that they do not date.
 * `languages`: each document's language (organisations.json's meta), which a row's text is in. Default: none known.
 */
export function planCooperationSeed(
  organisations: readonly OrganisationSource[],
  now: Date,
  languages: Readonly<Record<string, string>> = {},
): CooperationSeedPlan {
  const languageOf: LanguageOf = (sources) => (sources[0] ? languages[sources[0].document] ?? null : null);
  const plan: CooperationSeedPlan = { workGroups: [], participants: [], topics: [], meetingRhythm: [], decisions: [], statusChanges: [], audit: [] };
  const seeded = (entityType: string, entityId: string) =>
    plan.audit.push({ at: now, actor: SEED_ACTOR, action: 'seed', entityType, entityId, changes: [] });
  for (const org of organisations) {
    if (org.cooperation) {
      const group = planWorkGroup(org, org.cooperation, now, languageOf);
      plan.workGroups.push(group.workGroup);
      plan.participants.push(...group.participants);
      plan.topics.push(...group.topics);
      plan.meetingRhythm.push(...group.meetingRhythm);
      seeded('WorkGroup', group.workGroup.id);
    }
    for (const decision of org.congressDecisions ?? []) {
      const { row, statusChange } = planDecision(org.id, decision, now, languageOf);
      plan.decisions.push(row);
      plan.statusChanges.push(statusChange);
      seeded('Decision', row.id);
    }
  }
  return plan;
}
