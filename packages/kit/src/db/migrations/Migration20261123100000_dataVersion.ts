import { Migration } from '@mikro-orm/migrations';

/** Tables of the contract whose every change must change the subgraph's data version. */
export const VERSIONED_TABLES = [
  'organisation', 'council', 'council_member', 'forum', 'branch', 'section', 'leader_member', 'register_info',
] as const;

/**
 * A data version that changes in the same transaction as any write to the contract's tables (a
 * mutation, a reseed, a hand-made UPDATE): a gateway that reads it after a commit sees the new value,
 * so a cached answer can be checked for staleness. A random value, not a counter, so a database that
 * is dropped and recreated never repeats an old version.
 */
export class Migration20261123100000_dataVersion extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table data_version (
      singleton boolean primary key default true check (singleton),
      version uuid not null default gen_random_uuid(),
      changed_at timestamptz not null default now()
    )`);
    this.addSql('insert into data_version default values');
    this.addSql(`create function bump_data_version() returns trigger language plpgsql as $$
      begin
        update data_version set version = gen_random_uuid(), changed_at = now();
        return null;
      end $$`);
    for (const table of VERSIONED_TABLES) {
      // Statement level: a reseed of 100 000 rows bumps the version once per statement, not per row.
      this.addSql(`create trigger ${table}_data_version after insert or update or delete or truncate on ${table}
        for each statement execute function bump_data_version()`);
    }
  }

  override async down(): Promise<void> {
    for (const table of VERSIONED_TABLES) this.addSql(`drop trigger if exists ${table}_data_version on ${table}`);
    this.addSql('drop function if exists bump_data_version()');
    this.addSql('drop table if exists data_version');
  }
}
