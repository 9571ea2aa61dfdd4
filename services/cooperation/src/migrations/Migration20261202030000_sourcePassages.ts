import { Migration } from '@mikro-orm/migrations';
import { dataVersionTriggerSql, passageTableSql, PASSAGE_TABLE } from '@nlf/kit';

/**
 * The cooperation subgraph's searchable passages (decisions, work groups and their topics), the same
 * table the union subgraphs search; organisation ids are the federation's, not a table here. Filled by
 * `seed`.
 */
export class Migration20261202030000_sourcePassages extends Migration {
  override async up(): Promise<void> {
    for (const sql of passageTableSql({ references: null })) this.addSql(sql);
    // Versioned like every other table here (Migration20261202000000_dataVersion), so a reseed of the
    // passages changes the data version and the cached answers that searched them.
    this.addSql(dataVersionTriggerSql(PASSAGE_TABLE));
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists ${PASSAGE_TABLE}`);
  }
}
