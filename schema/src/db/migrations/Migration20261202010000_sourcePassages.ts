import { Migration } from '@mikro-orm/migrations';
import { passageTableSql, PASSAGE_TABLE } from '../../search/passageTable';

/**
 * The passages a source search runs over (every quote in its language, every English rendering), one
 * row each, with its language's stems; pg_trgm for prefixes and typos. Filled by `seed`: an existing
 * database answers no passages until it is seeded again. Versioned like the other tables, so a reseed
 * changes the data version and cached answers.
 */
export class Migration20261202010000_sourcePassages extends Migration {
  override async up(): Promise<void> {
    for (const sql of passageTableSql({ references: 'organisation' })) this.addSql(sql);
    this.addSql(`create trigger ${PASSAGE_TABLE}_data_version after insert or update or delete or truncate on ${PASSAGE_TABLE}
      for each statement execute function bump_data_version()`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists ${PASSAGE_TABLE}`);
  }
}
