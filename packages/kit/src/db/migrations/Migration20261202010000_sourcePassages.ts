import { Migration } from '@mikro-orm/migrations';
import { passageTableSql, PASSAGE_TABLE } from '../../search/passageTable';
import { dataVersionTriggerSql } from './dataVersionSql';

/**
 * The passages a source search runs over (every quote in its language, every English rendering), one
 * row each, with its language's stems; pg_trgm for prefixes and typos. Filled by `seed`: an existing
 * database answers no passages until it is seeded again. Versioned like the other tables, so a reseed
 * changes the data version and cached answers.
 */
export class Migration20261202010000_sourcePassages extends Migration {
  override async up(): Promise<void> {
    for (const sql of passageTableSql({ references: 'organisation' })) this.addSql(sql);
    this.addSql(dataVersionTriggerSql(PASSAGE_TABLE));
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists ${PASSAGE_TABLE}`);
  }
}
