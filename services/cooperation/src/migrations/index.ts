import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124000000_cooperation } from './Migration20261124000000_cooperation';
import { Migration20261202000000_actorVisibility } from './Migration20261202000000_actorVisibility';
import { Migration20261202000000_dataVersion } from './Migration20261202000000_dataVersion';
import { Migration20261202010000_agendaPositions } from './Migration20261202010000_agendaPositions';
import { Migration20261202030000_sourcePassages } from './Migration20261202030000_sourcePassages';
import { Migration20261202040000_textLanguage } from './Migration20261202040000_textLanguage';

/** The cooperation subgraph's migrations, in order. */
export const cooperationMigrations: MigrationObject[] = [
  { name: 'Migration20261124000000_cooperation', class: Migration20261124000000_cooperation },
  { name: 'Migration20261202000000_actorVisibility', class: Migration20261202000000_actorVisibility },
  { name: 'Migration20261202000000_dataVersion', class: Migration20261202000000_dataVersion },
  { name: 'Migration20261202010000_agendaPositions', class: Migration20261202010000_agendaPositions },
  { name: 'Migration20261202030000_sourcePassages', class: Migration20261202030000_sourcePassages },
  { name: 'Migration20261202040000_textLanguage', class: Migration20261202040000_textLanguage },
];
