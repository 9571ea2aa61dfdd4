import { Migration } from '@mikro-orm/migrations';

/** The channel on which every change of the data version is announced, with the new version. */
export const DATA_VERSION_CHANNEL = 'nlf_data_version';

/**
 * Announces each new data version with NOTIFY, which PostgreSQL delivers when (and only if) the
 * transaction commits, in commit order: a gateway that follows the announcements learns of a change
 * without asking the database on every cached read.
 */
export class Migration20261125000000_dataVersionNotify extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function bump_data_version() returns trigger language plpgsql as $$
      declare next_version uuid := gen_random_uuid();
      begin
        update data_version set version = next_version, changed_at = now();
        perform pg_notify('${DATA_VERSION_CHANNEL}', next_version::text);
        return null;
      end $$`);
  }

  override async down(): Promise<void> {
    this.addSql(`create or replace function bump_data_version() returns trigger language plpgsql as $$
      begin
        update data_version set version = gen_random_uuid(), changed_at = now();
        return null;
      end $$`);
  }
}
