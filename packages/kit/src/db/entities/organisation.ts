import { EntitySchema } from '@mikro-orm/core';
import type { ProfileData } from './profile';
import type { BranchCountData, FigureData } from './values';

export interface OrganisationRow {
  id: string;
  name: string;
  displayName: string;
  country: string;
  kind: string;
  parentId: string | null;
  memberCount: FigureData | null;
  leaderMemberCount: FigureData | null;
  branchCounts: BranchCountData[];
  /** Organisations of kind UNION keep a leader-member register; others have none. */
  hasRegister: boolean;
  /** Null on a row seeded before the profile existed, until the next seed. */
  profile: ProfileData | null;
}

export const OrganisationEntity = new EntitySchema<OrganisationRow>({
  name: 'Organisation',
  tableName: 'organisation',
  properties: {
    id: { type: 'text', primary: true },
    name: { type: 'text' },
    displayName: { type: 'text' },
    country: { type: 'text', enum: true, items: ['NO', 'SE', 'DK'] },
    kind: { type: 'text', enum: true, items: ['UNION', 'CONFEDERATION', 'SECRETARIAT'] },
    parentId: { type: 'text', nullable: true },
    memberCount: { type: 'json', nullable: true },
    leaderMemberCount: { type: 'json', nullable: true },
    branchCounts: { type: 'json', default: '[]' },
    hasRegister: { type: 'boolean', default: false },
    profile: { type: 'json', nullable: true },
  },
});
