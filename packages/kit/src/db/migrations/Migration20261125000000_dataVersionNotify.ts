import { Migration } from '@mikro-orm/migrations';
import { BUMP_DATA_VERSION_FUNCTION } from './dataVersionSql';

export { DATA_VERSION_CHANNEL } from './dataVersionSql';

/**
 * Announces each new data version with NOTIFY, which PostgreSQL delivers when (and only if) the
 * transaction commits, in commit order: a gateway that follows the announcements learns of a change
 * without asking the database on every cached read.
 */
export class Migration20261125000000_dataVersionNotify extends Migration {
  override async up(): Promise<void> {
    this.addSql(BUMP_DATA_VERSION_FUNCTION);
  }

  override async down(): Promise<void> {
    this.addSql(`create or replace function bump_data_version() returns trigger language plpgsql as $$
      begin
        update data_version set version = gen_random_uuid(), changed_at = now();
        return null;
      end $$`);
  }
}
