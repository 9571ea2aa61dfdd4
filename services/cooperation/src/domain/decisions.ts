import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DecisionEntity, StatusChangeEntity, type DecisionRow, type DecisionStatusValue } from '../entities';
import type { ChangeDecisionStatusInput, CreateDecisionInput } from '../types/inputs';
import { changedByOf, createdFields, recordAudit } from './audit';
import { checkStatusChange } from './statusOrder';
import { replaceDecisionNote, writeDecisionPassages } from '../search/writtenPassages';
import { LIMITS, optionalLanguage, optionalText, requiredText, requireOrganisation } from './validate';
import { readAtVersion, readRow, updateAtVersion, type VersionedTarget } from './versioned';
import { workGroupTarget } from './workGroups';
import { assertMayWrite, groupScope, type Caller } from './permissions';

const decisionTarget = (id: string): VersionedTarget<DecisionRow> => ({ entity: DecisionEntity, what: 'decision', id, idField: 'decisionId' });

/** Decisions and initiatives: created PROPOSED, then moved along the status order (statusOrder.ts). */
export class Decisions {
  constructor(private readonly organisations: ReadonlySet<string>) {}

  async create(em: EntityManager, caller: Caller, input: CreateDecisionInput): Promise<DecisionRow> {
    assertMayWrite(caller.viewer, 'createDecision');
    const { actor } = caller;
    const organisationId = requireOrganisation(input.organisationId, this.organisations, 'organisationId');
    const title = requiredText(input.title, 'title', LIMITS.title);
    const clauses = (input.clauses ?? []).map((clause, index) => requiredText(clause, `clauses[${index}]`, LIMITS.text));
    const deadline = optionalText(input.deadline, 'deadline', LIMITS.title);
    const language = optionalLanguage(input.language, 'language');
    return em.transactional(async (tx) => {
      if (input.workGroupId) await readRow(tx, workGroupTarget(input.workGroupId, 'workGroupId'));
      const group = input.workGroupId ? await groupScope(tx, input.workGroupId) : null;
      assertMayWrite(caller.viewer, 'createDecision', { group, organisationId });
      const now = new Date();
      const row: DecisionRow = {
        id: randomUUID(), organisationId, workGroupId: input.workGroupId ?? null, congress: null, motionNumber: null, origin: null,
        title, clauses, status: 'PROPOSED', originalStatus: null, statusNote: null, deadline, outcome: null, activities: [],
        remainingParts: [], sources: [], language, version: 1, createdAt: now, updatedAt: now,
      };
      await tx.insert(DecisionEntity, row);
      await writeDecisionPassages(tx, row);
      await tx.insert(StatusChangeEntity, {
        id: randomUUID(), decisionId: row.id, position: 1, status: 'PROPOSED', originalStatus: null, note: null, changedAt: now,
        changedBy: actor, ...changedByOf(caller), source: null,
      });
      const changes = createdFields({ organisationId, workGroupId: row.workGroupId, title, clauses, deadline, language, status: 'PROPOSED' });
      await recordAudit(tx, { caller, workGroupId: row.workGroupId, action: 'createDecision', entityType: 'Decision', entityId: row.id, changes }, now);
      return row;
    });
  }

  async changeStatus(em: EntityManager, caller: Caller, input: ChangeDecisionStatusInput): Promise<DecisionRow> {
    assertMayWrite(caller.viewer, 'changeDecisionStatus');
    const { actor } = caller;
    const note = optionalText(input.note, 'note', LIMITS.text);
    const status = input.status as DecisionStatusValue;
    const target = decisionTarget(input.decisionId);
    return em.transactional(async (tx) => {
      // Permission is checked against a real decision: an unknown one is NOT_FOUND.
      const before = await readRow(tx, target);
      const group = before.workGroupId ? await groupScope(tx, before.workGroupId) : null;
      assertMayWrite(caller.viewer, 'changeDecisionStatus', { group, organisationId: before.organisationId });
      await readAtVersion(tx, target, input.expectedVersion);
      checkStatusChange(before.status, status);
      // originalStatus is the source's word for the status it reports; a new status has none.
      const version = await updateAtVersion(tx, target, input.expectedVersion, { status, originalStatus: null, statusNote: note });
      await replaceDecisionNote(tx, before, note);
      const position = (await tx.count(StatusChangeEntity, { decisionId: before.id })) + 1;
      const now = new Date();
      await tx.insert(StatusChangeEntity, {
        id: randomUUID(), decisionId: before.id, position, status, originalStatus: null, note, changedAt: now, changedBy: actor, ...changedByOf(caller), source: null,
      });
      const changes = [
        { field: 'status', from: before.status, to: status },
        ...(note !== before.statusNote ? [{ field: 'statusNote', from: before.statusNote, to: note }] : []),
      ];
      await recordAudit(tx, { caller, workGroupId: before.workGroupId, action: 'changeDecisionStatus', entityType: 'Decision', entityId: before.id, changes }, now);
      return { ...before, status, originalStatus: null, statusNote: note, version, updatedAt: now };
    });
  }
}
