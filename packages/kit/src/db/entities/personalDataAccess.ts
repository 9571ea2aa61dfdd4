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
  // Newest first within an organisation; the generator compares an expression index by its name.
  indexes: [{
    name: 'personal_data_access_organisation_idx',
    expression: 'create index personal_data_access_organisation_idx on personal_data_access (organisation_id, id desc)',
  }],
  properties: {
    id: { type: 'bigint', primary: true, autoincrement: true },
    organisationId: { type: 'text' },
    actor: { type: 'text' },
    role: { type: 'text' },
    field: { type: 'text' },
    memberIds: { type: 'json' },
    arguments: { type: 'json', default: '{}' },
    accessedAt: { type: 'datetime', defaultRaw: 'now()' },
  },
});
