import { EntitySchema } from '@mikro-orm/core';

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
  properties: {
    id: { type: 'string', primary: true },
    organisationId: { type: 'string' },
    givenName: { type: 'string' },
    familyName: { type: 'string' },
    title: { type: 'string' },
    region: { type: 'string' },
    birthYear: { type: 'integer' },
    // Kept as text in JS: a DATE has no time zone, and a JS Date would invent one.
    joinedOn: { type: 'string', columnType: 'date' },
    sectionId: { type: 'string', nullable: true },
    branchId: { type: 'string', nullable: true },
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
    organisationId: { type: 'string', primary: true },
    synthetic: { type: 'boolean' },
    seed: { type: 'integer' },
    size: { type: 'integer' },
    generatedAt: { type: 'Date', columnType: 'timestamptz' },
  },
});
