import { Migration } from '@mikro-orm/migrations';
import { dataVersionStatements, dropDataVersionStatements } from '@nlf/kit';

/** Every table of the cooperation subgraph: any write to one changes the data version. */
export const COOPERATION_VERSIONED_TABLES = [
  'work_group', 'work_group_participant', 'topic', 'meeting_rhythm', 'meeting', 'meeting_participant',
  'agenda_item', 'decision', 'decision_status_change', 'audit_event',
] as const;

/**
 * The data version the kit's /data-version and /data-version/events read, as the union subgraphs
 * have it from the kit's migrations: without it both answered 503, and the gateway never cached an
 * answer that touches the cooperation subgraph.
 */
export class Migration20261202000000_dataVersion extends Migration {
  override async up(): Promise<void> {
    for (const statement of dataVersionStatements(COOPERATION_VERSIONED_TABLES)) this.addSql(statement);
  }

  override async down(): Promise<void> {
    for (const statement of dropDataVersionStatements(COOPERATION_VERSIONED_TABLES)) this.addSql(statement);
  }
}
