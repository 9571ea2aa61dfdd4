import { collectPassages, type PassageRow } from '@nlf/kit';
import type { DecisionRow, MeetingRhythmRow, TopicRow, WorkGroupRow } from '../entities';

/** A decision's title and clauses are the source's words, recorded without being marked quotes. */
const DECISION_ORIGINAL = new Set(['title', 'clauses']);
/** The curator's English on a decision. */
const DECISION_ENGLISH = new Set(['outcome', 'statusNote', 'remainingParts', 'activities']);
/** The curator's English on a work group: its purpose, topics and meeting rhythm. */
const WORK_GROUP_ENGLISH = new Set(['purpose', 'title', 'description', 'participants']);

export interface CooperationPassageInput {
  /** Each work group with the organisation whose part of organisations.json describes it. */
  workGroups: { holderId: string; row: WorkGroupRow; topics: TopicRow[]; meetingRhythm: MeetingRhythmRow[] }[];
  decisions: DecisionRow[];
  languages: Readonly<Record<string, string>>;
}

/**
 * The cooperation subgraph's passages, each under the organisation it is about: a decision under the
 * organisation responsible for it, a work group's purpose, topics and meetings under the organisation
 * whose source describes the work group. Fields name the fact by id, as `decision(id)` finds it.
 */
export function planCooperationPassages(input: CooperationPassageInput): PassageRow[] {
  const languageOf = (document: string) => input.languages[document] ?? null;
  const byOrganisation = new Map<string, PassageRow[]>();
  const add = (rows: PassageRow[]) => {
    for (const row of rows) {
      const list = byOrganisation.get(row.organisationId) ?? [];
      list.push({ ...row, position: list.length });
      byOrganisation.set(row.organisationId, list);
    }
  };
  for (const decision of input.decisions) {
    add(collectPassages({
      organisationId: decision.organisationId!,
      languageOf,
      englishKeys: DECISION_ENGLISH,
      originalKeys: DECISION_ORIGINAL,
      facts: {
        [`decisions[id=${decision.id}]`]: {
          title: decision.title, clauses: decision.clauses, outcome: decision.outcome, statusNote: decision.statusNote,
          remainingParts: decision.remainingParts, activities: decision.activities.map((activity) => activity.text),
          sources: decision.sources,
        },
      },
    }));
  }
  for (const group of input.workGroups) {
    add(collectPassages({
      organisationId: group.holderId,
      languageOf,
      englishKeys: WORK_GROUP_ENGLISH,
      facts: {
        [`workGroups[id=${group.row.id}]`]: {
          name: group.row.name, purpose: group.row.purpose, sources: group.row.sources,
          topics: group.topics.map((topic) => ({ title: topic.title, source: topic.source })),
          meetingRhythm: group.meetingRhythm.map((rhythm) => ({
            description: rhythm.description, participants: rhythm.participants, purpose: rhythm.purpose, source: rhythm.source,
            frequency: rhythm.frequency,
          })),
        },
      },
    }));
  }
  return [...byOrganisation.values()].flat();
}
