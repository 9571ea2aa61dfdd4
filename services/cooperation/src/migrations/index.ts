import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124000000_cooperation } from './Migration20261124000000_cooperation';

/** The cooperation subgraph's migrations, in order. */
export const cooperationMigrations: MigrationObject[] = [
  { name: 'Migration20261124000000_cooperation', class: Migration20261124000000_cooperation },
];
