import type { EntityManager } from '@mikro-orm/postgresql';
import { searchConfigOf, SourcePassageEntity } from '@nlf/kit';
import type { DecisionRow, TopicRow, WorkGroupRow } from '../entities';

/**
 * The searchable passages of what a mutation writes, written in the mutation's own transaction, so a
 * decision or work group is found by cooperationSearch as soon as the write commits (and a failed write
 * leaves none behind). `seed` writes the sources' passages (seed/planPassages.ts); these follow the same
 * fields and facts, but a caller's text is its own words: ORIGINAL_TEXT in the row's language, with no
 * quote behind it. Each mutation replaces exactly the passages of the values it changes, so what the
 * seed wrote of the rest (quotes, the curator's English) stays as it was.
 */

/** What the seed's passages call a language that is not known (collectPassages). */
const UNKNOWN_LANGUAGE = 'und';

interface WrittenText {
  field: string;
  fact: string;
  text: string | null;
}

/** The fields the passages of a decision and of a work group carry, as `decision(id)` and `workGroup(id)` find them. */
export const decisionField = (id: string): string => `decisions[id=${id}]`;
export const workGroupField = (id: string): string => `workGroups[id=${id}]`;
const topicField = (workGroupId: string, index: number): string => `${workGroupField(workGroupId)}.topics[${index}]`;

/** A work group's passages name it by its purpose where it has one, else by its name (as collectPassages does). */
const workGroupFact = (row: Pick<WorkGroupRow, 'name' | 'purpose'>): string => row.purpose ?? row.name;

async function insertWritten(em: EntityManager, organisationId: string, language: string | null, texts: WrittenText[]): Promise<void> {
  const written = texts.filter((text): text is WrittenText & { text: string } => !!text.text?.trim());
  if (!written.length) return;
  const last = await em.findOne(SourcePassageEntity, { organisationId }, { orderBy: { position: 'desc' }, disableIdentityMap: true });
  const start = (last?.position ?? -1) + 1;
  await em.insertMany(
    SourcePassageEntity,
    written.map((text, index) => ({
      organisationId, position: start + index, field: text.field, fact: text.fact, kind: 'ORIGINAL_TEXT' as const,
      language: language ?? UNKNOWN_LANGUAGE, config: searchConfigOf(language), document: null, text: text.text, sources: [],
    })) as never[],
  );
}

/** Removes the passages (not the quotes) of one value that a mutation replaces. */
async function removeWritten(em: EntityManager, organisationId: string, field: string, text: string | null): Promise<void> {
  if (!text) return;
  await em.nativeDelete(SourcePassageEntity, { organisationId, field, kind: { $ne: 'QUOTE' }, text });
}

/** A new decision: its title and clauses, under the organisation responsible for it. */
export async function writeDecisionPassages(em: EntityManager, row: DecisionRow): Promise<void> {
  const field = decisionField(row.id);
  await insertWritten(em, row.organisationId, row.language, [row.title, ...row.clauses].map((text) => ({ field, fact: row.title, text })));
}

/** A status change: the previous note's passage gives way to the new note's, in the decision's language. */
export async function replaceDecisionNote(em: EntityManager, before: DecisionRow, note: string | null): Promise<void> {
  if (note === before.statusNote) return;
  const field = decisionField(before.id);
  await removeWritten(em, before.organisationId, field, before.statusNote);
  await insertWritten(em, before.organisationId, before.language, [{ field, fact: before.title, text: note }]);
}

/** A new work group: its purpose and topics, under the organisation that runs its secretariat. */
export async function writeWorkGroupPassages(em: EntityManager, row: WorkGroupRow, topics: readonly TopicRow[]): Promise<void> {
  if (!row.secretariatId) return;
  await insertWritten(em, row.secretariatId, row.language, [
    { field: workGroupField(row.id), fact: workGroupFact(row), text: row.purpose },
    ...topics.map((topic, index) => ({ field: topicField(row.id, index), fact: topic.title, text: topic.title })),
  ]);
}

/** The organisation a work group's passages are under: where they already are (the seed's), else its secretariat. */
async function holderOf(em: EntityManager, row: WorkGroupRow): Promise<string | null> {
  const field = workGroupField(row.id);
  const existing = await em.findOne(
    SourcePassageEntity,
    { $or: [{ field }, { field: { $like: `${field.replace(/[\\%_]/g, '\\$&')}.%` } }] },
    { disableIdentityMap: true },
  );
  return existing?.organisationId ?? row.secretariatId;
}

/** An updated work group: a new purpose replaces the old one's passage, and the group's passages are named anew. */
export async function replaceWorkGroupText(em: EntityManager, before: WorkGroupRow, after: WorkGroupRow): Promise<void> {
  const purposeChanged = after.purpose !== before.purpose;
  const factChanged = workGroupFact(after) !== workGroupFact(before);
  if (!purposeChanged && !factChanged) return;
  const organisationId = await holderOf(em, before);
  if (!organisationId) return;
  const field = workGroupField(before.id);
  if (factChanged) await em.nativeUpdate(SourcePassageEntity, { organisationId, field, fact: workGroupFact(before) }, { fact: workGroupFact(after) });
  if (purposeChanged) {
    await removeWritten(em, organisationId, field, before.purpose);
    await insertWritten(em, organisationId, before.language, [{ field, fact: workGroupFact(after), text: after.purpose }]);
  }
}
