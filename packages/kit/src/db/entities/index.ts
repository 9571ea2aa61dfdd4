export * from './values';
export * from './profile';
export * from './organisation';
export * from './council';
export * from './unit';
export * from './leaderMember';
export * from './personalDataAccess';

import { CouncilEntity, CouncilMemberEntity } from './council';
import { LeaderMemberEntity, RegisterInfoEntity } from './leaderMember';
import { OrganisationEntity } from './organisation';
import { PersonalDataAccessEntity } from './personalDataAccess';
import { ContractSourcePassageEntity } from '../../search/passageTable';
import { DataVersionEntity } from '../migrations/dataVersionSql';
import { BranchEntity, ForumEntity, SectionEntity } from './unit';

/** Every entity of the contract's storage model, for MikroORM's `entities` option. */
export const contractEntities = [
  OrganisationEntity,
  CouncilEntity,
  CouncilMemberEntity,
  ForumEntity,
  BranchEntity,
  SectionEntity,
  LeaderMemberEntity,
  RegisterInfoEntity,
  PersonalDataAccessEntity,
  ContractSourcePassageEntity,
  DataVersionEntity,
];
