import { EntitySchema } from '@mikro-orm/core';
import { organisationOf } from './references';

export interface LeaderMemberRow {
  id: string;
  organisationId: string;
  givenName: string;
  familyName: string;
  title: string;
  region: string;
  birthYear: number;
  joinedOn: string;
  sectionId: string | null;
  branchId: string | null;
  synthetic: boolean;
}

export const LeaderMemberEntity = new EntitySchema<LeaderMemberRow>({
  name: 'LeaderMember',
  tableName: 'leader_member',
  indexes: [
    // Keyset pagination walks (organisation_id, id).
    { name: 'leader_member_organisation_idx', properties: ['organisationId', 'id'] },
    // Member search (Migration20261123200000_leaderMemberSearch says why ICU and text_pattern_ops); the
    // generator compares an expression index by its name only, so a change of expression needs a migration.
    {
      name: 'leader_member_family_name_search_idx',
      expression: 'create index leader_member_family_name_search_idx on leader_member ' +
        '(organisation_id, lower(family_name collate "und-x-icu") text_pattern_ops)',
    },
    {
      name: 'leader_member_full_name_search_idx',
      expression: 'create index leader_member_full_name_search_idx on leader_member ' +
        `(organisation_id, lower((given_name || ' ' || family_name) collate "und-x-icu") text_pattern_ops)`,
    },
  ],
  properties: {
    id: { type: 'text', primary: true },
    organisationId: organisationOf('leader_member'),
    givenName: { type: 'text' },
    familyName: { type: 'text' },
    title: { type: 'text' },
    region: { type: 'text' },
    birthYear: { type: 'integer' },
    // Kept as text in JS: a DATE has no time zone, and a JS Date would invent one.
    joinedOn: { type: 'text', columnType: 'date' },
    sectionId: { type: 'text', nullable: true },
    branchId: { type: 'text', nullable: true },
    synthetic: { type: 'boolean' },
  },
});

export interface RegisterInfoRow {
  organisationId: string;
  synthetic: boolean;
  seed: number;
  size: number;
  generatedAt: Date;
}

export const RegisterInfoEntity = new EntitySchema<RegisterInfoRow>({
  name: 'RegisterInfo',
  tableName: 'register_info',
  properties: {
    organisationId: { ...organisationOf('register_info'), primary: true },
    synthetic: { type: 'boolean' },
    seed: { type: 'integer' },
    size: { type: 'integer' },
    generatedAt: { type: 'datetime', defaultRaw: 'now()' },
  },
});
