import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124000000_cooperation } from './Migration20261124000000_cooperation';
import { Migration20261202000000_actorVisibility } from './Migration20261202000000_actorVisibility';
import { Migration20261202010000_agendaPositions } from './Migration20261202010000_agendaPositions';

/** The cooperation subgraph's migrations, in order. */
export const cooperationMigrations: MigrationObject[] = [
  { name: 'Migration20261124000000_cooperation', class: Migration20261124000000_cooperation },
  { name: 'Migration20261202000000_actorVisibility', class: Migration20261202000000_actorVisibility },
  { name: 'Migration20261202010000_agendaPositions', class: Migration20261202010000_agendaPositions },
];
