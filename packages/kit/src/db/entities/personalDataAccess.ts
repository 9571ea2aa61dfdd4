import { EntitySchema } from '@mikro-orm/core';

/** The audit log of reads of personal data: the owning union's staff can read it through the API. */
export interface PersonalDataAccessRow {
  id: string;
  organisationId: string;
  actor: string;
  role: string;
  field: string;
  memberIds: string[];
  arguments: Record<string, unknown>;
  accessedAt: Date;
}

export const PersonalDataAccessEntity = new EntitySchema<PersonalDataAccessRow>({
  name: 'PersonalDataAccess',
  tableName: 'personal_data_access',
  properties: {
    id: { type: 'bigint', primary: true, autoincrement: true },
    organisationId: { type: 'string' },
    actor: { type: 'string' },
    role: { type: 'string' },
    field: { type: 'string' },
    memberIds: { type: 'json' },
    arguments: { type: 'json' },
    accessedAt: { type: 'Date', columnType: 'timestamptz' },
  },
});
