import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ErrorCode } from '@nlf/contract';
import { ParticipantEntity, TopicEntity, WorkGroupEntity, type ParticipantRow, type WorkGroupRow } from '../entities';
import type { CreateWorkGroupInput, ParticipantInput, UpdateWorkGroupInput } from '../types/inputs';
import { changedFields, createdFields, recordAudit } from './audit';
import { assertMayWrite, groupScope, type Caller, type CooperationWrite } from './permissions';
import { InputError } from './errors';
import { replaceWorkGroupText, writeWorkGroupPassages } from '../search/writtenPassages';
import { LIMITS, optionalLanguage, optionalText, organisationIds, requiredText, requireOrganisation } from './validate';
import { readAtVersion, readRow, updateAtVersion, type VersionedTarget } from './versioned';

export const workGroupTarget = (id: string, idField: string): VersionedTarget<WorkGroupRow> => ({
  entity: WorkGroupEntity,
  what: 'work group',
  id,
  idField,
});

async function nextPosition(em: EntityManager, workGroupId: string): Promise<number> {
  const last = await em.findOne(ParticipantEntity, { workGroupId }, { orderBy: { position: 'desc' }, disableIdentityMap: true });
  return (last?.position ?? 0) + 1;
}

async function participantOf(em: EntityManager, workGroupId: string, organisationId: string): Promise<ParticipantRow | null> {
  return em.findOne(ParticipantEntity, { workGroupId, organisationId }, { disableIdentityMap: true });
}

/** Work groups: who runs them, who takes part, what they work on. Every write is one transaction with its audit event. */
export class WorkGroups {
  constructor(private readonly organisations: ReadonlySet<string>) {}

  async create(em: EntityManager, caller: Caller, input: CreateWorkGroupInput): Promise<WorkGroupRow> {
    assertMayWrite(caller.viewer, 'createWorkGroup');
    const name = requiredText(input.name, 'name', LIMITS.name);
    const purpose = optionalText(input.purpose, 'purpose', LIMITS.text);
    const secretariatId = requireOrganisation(input.secretariatId, this.organisations, 'secretariatId');
    assertMayWrite(caller.viewer, 'createWorkGroup', { group: { secretariatId, participantIds: new Set([secretariatId]) } });
    const supportedById = input.supportedById ? requireOrganisation(input.supportedById, this.organisations, 'supportedById') : null;
    if (supportedById === secretariatId) {
      throw new InputError(ErrorCode.DUPLICATE_PARTICIPANT, `supportedById: "${supportedById}" already runs the secretariat`, 'supportedById');
    }
    const members = organisationIds(input.participantIds ?? [], this.organisations, 'participantIds');
    members.forEach((id, index) => {
      if (id === secretariatId || id === supportedById) {
        const field = `participantIds[${index}]`;
        throw new InputError(ErrorCode.DUPLICATE_PARTICIPANT, `${field}: "${id}" already takes part as secretariat or support`, field);
      }
    });
    const topics = (input.topics ?? []).map((title, index) => requiredText(title, `topics[${index}]`, LIMITS.text));
    const language = optionalLanguage(input.language, 'language');

    const now = new Date();
    const row: WorkGroupRow = {
      id: randomUUID(), name, purpose, secretariatId, supportedById, sources: [], language, version: 1, createdAt: now, updatedAt: now,
    };
    const roles: [string, ParticipantRow['role']][] = [
      [secretariatId, 'SECRETARIAT'],
      ...(supportedById ? [[supportedById, 'SUPPORT'] as [string, ParticipantRow['role']]] : []),
      ...members.map((id): [string, ParticipantRow['role']] => [id, 'MEMBER']),
    ];
    await em.transactional(async (tx) => {
      await tx.insert(WorkGroupEntity, row);
      await tx.insertMany(
        ParticipantEntity,
        roles.map(([organisationId, role], index) => ({
          id: randomUUID(), workGroupId: row.id, organisationId, role, position: index + 1, basis: null, source: null,
        })),
      );
      const topicRows = topics.map((title, index) => ({ id: randomUUID(), workGroupId: row.id, position: index + 1, title, source: null }));
      if (topicRows.length) await tx.insertMany(TopicEntity, topicRows);
      await writeWorkGroupPassages(tx, row, topicRows);
      const changes = createdFields({ name, purpose, secretariatId, supportedById, participantIds: members, topics, language });
      await recordAudit(tx, { caller, workGroupId: row.id, action: 'createWorkGroup', entityType: 'WorkGroup', entityId: row.id, changes }, now);
    });
    return row;
  }

  async update(em: EntityManager, caller: Caller, input: UpdateWorkGroupInput): Promise<WorkGroupRow> {
    assertMayWrite(caller.viewer, 'updateWorkGroup');
    const values: Partial<WorkGroupRow> = {};
    if (input.name != null) values.name = requiredText(input.name, 'name', LIMITS.name);
    if (input.purpose !== undefined) values.purpose = optionalText(input.purpose, 'purpose', LIMITS.text);
    const target = workGroupTarget(input.id, 'id');
    return em.transactional(async (tx) => {
      const before = await readAtVersion(tx, target, input.expectedVersion);
      await mayRunGroup(tx, caller, 'updateWorkGroup', before.id);
      const changes = changedFields(before as never, values);
      const version = await updateAtVersion(tx, target, input.expectedVersion, values);
      await replaceWorkGroupText(tx, before, { ...before, ...values });
      await recordAudit(tx, { caller, workGroupId: input.id, action: 'updateWorkGroup', entityType: 'WorkGroup', entityId: input.id, changes }, new Date());
      return { ...before, ...values, version };
    });
  }

  async addParticipant(em: EntityManager, caller: Caller, input: ParticipantInput): Promise<WorkGroupRow> {
    assertMayWrite(caller.viewer, 'addParticipant');
    requireOrganisation(input.organisationId, this.organisations, 'organisationId');
    try {
      return await em.transactional(async (tx) => {
        const group = await readRow(tx, workGroupTarget(input.workGroupId, 'workGroupId'));
        await mayRunGroup(tx, caller, 'addParticipant', group.id);
        if (await participantOf(tx, group.id, input.organisationId)) throw duplicate(input.organisationId);
        await tx.insert(ParticipantEntity, {
          id: randomUUID(), workGroupId: group.id, organisationId: input.organisationId, role: 'MEMBER',
          position: await nextPosition(tx, group.id), basis: null, source: null,
        });
        const changes = [{ field: 'participants', from: null, to: input.organisationId }];
        await recordAudit(tx, { caller, workGroupId: group.id, action: 'addParticipant', entityType: 'WorkGroup', entityId: group.id, changes }, new Date());
        return group;
      });
    } catch (error) {
      // Two callers adding the same organisation at once: the unique index lets one through.
      if (error instanceof UniqueConstraintViolationException) throw duplicate(input.organisationId);
      throw error;
    }
  }

  async removeParticipant(em: EntityManager, caller: Caller, input: ParticipantInput): Promise<WorkGroupRow> {
    assertMayWrite(caller.viewer, 'removeParticipant');
    return em.transactional(async (tx) => {
      const group = await readRow(tx, workGroupTarget(input.workGroupId, 'workGroupId'));
      await mayRunGroup(tx, caller, 'removeParticipant', group.id);
      const participant = await participantOf(tx, group.id, input.organisationId);
      if (!participant) {
        throw new InputError(ErrorCode.NOT_A_PARTICIPANT, `"${input.organisationId}" does not take part in this work group`, 'organisationId');
      }
      if (participant.role === 'SECRETARIAT') {
        throw new InputError(
          ErrorCode.SECRETARIAT_REQUIRED,
          `"${input.organisationId}" runs the work group's secretariat and cannot leave it`,
          'organisationId',
        );
      }
      await tx.nativeDelete(ParticipantEntity, { id: participant.id });
      const changes = [{ field: 'participants', from: input.organisationId, to: null }];
      await recordAudit(tx, { caller, workGroupId: group.id, action: 'removeParticipant', entityType: 'WorkGroup', entityId: group.id, changes }, new Date());
      return group;
    });
  }
}

/** The caller's right to run an existing work group, checked in the write's transaction. */
export async function mayRunGroup(em: EntityManager, caller: Caller, write: CooperationWrite, workGroupId: string): Promise<void> {
  assertMayWrite(caller.viewer, write, { group: await groupScope(em, workGroupId) });
}

function duplicate(organisationId: string): InputError {
  return new InputError(ErrorCode.DUPLICATE_PARTICIPANT, `"${organisationId}" already takes part in this work group`, 'organisationId');
}
