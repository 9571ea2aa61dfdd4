import { Migration } from '@mikro-orm/migrations';
import { passageTableSql } from '@nlf/schema';

/**
 * The cooperation subgraph's searchable passages (decisions, work groups and their topics), the same
 * table the union subgraphs search; organisation ids are the federation's, not a table here. Filled by
 * `seed`.
 */
export class Migration20261202030000_sourcePassages extends Migration {
  override async up(): Promise<void> {
    for (const sql of passageTableSql({ references: null })) this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists source_passage');
  }
}
