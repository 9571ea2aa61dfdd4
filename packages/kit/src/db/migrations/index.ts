import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123000000_contract } from './Migration20261123000000_contract';
import { Migration20261123100000_dataVersion } from './Migration20261123100000_dataVersion';
import { Migration20261123170000_personalDataAccess } from './Migration20261123170000_personalDataAccess';
import { Migration20261123200000_leaderMemberSearch } from './Migration20261123200000_leaderMemberSearch';
import { Migration20261125000000_dataVersionNotify } from './Migration20261125000000_dataVersionNotify';
import { Migration20261202000000_personalDataAccessArguments } from './Migration20261202000000_personalDataAccessArguments';
import { Migration20261202000000_sourceProfile } from './Migration20261202000000_sourceProfile';
import { Migration20261202010000_sourcePassages } from './Migration20261202010000_sourcePassages';
import { Migration20261202040000_bodyDetails } from './Migration20261202040000_bodyDetails';
import { Migration20261202050000_dataVersionSingletonCheck } from './Migration20261202050000_dataVersionSingletonCheck';

/** The kit's migrations, in order. A subgraph appends its own after these. */
export const contractMigrations: MigrationObject[] = [
  { name: 'Migration20261123000000_contract', class: Migration20261123000000_contract },
  { name: 'Migration20261123100000_dataVersion', class: Migration20261123100000_dataVersion },
  { name: 'Migration20261123170000_personalDataAccess', class: Migration20261123170000_personalDataAccess },
  { name: 'Migration20261123200000_leaderMemberSearch', class: Migration20261123200000_leaderMemberSearch },
  { name: 'Migration20261125000000_dataVersionNotify', class: Migration20261125000000_dataVersionNotify },
  { name: 'Migration20261202000000_personalDataAccessArguments', class: Migration20261202000000_personalDataAccessArguments },
  { name: 'Migration20261202000000_sourceProfile', class: Migration20261202000000_sourceProfile },
  { name: 'Migration20261202010000_sourcePassages', class: Migration20261202010000_sourcePassages },
  { name: 'Migration20261202040000_bodyDetails', class: Migration20261202040000_bodyDetails },
  { name: 'Migration20261202050000_dataVersionSingletonCheck', class: Migration20261202050000_dataVersionSingletonCheck },
];
