import { Migration } from '@mikro-orm/migrations';

/**
 * Every read of personal data is logged for the owning union: who, what, when. No foreign key: the
 * log outlives a reseed of the organisations it is about.
 */
export class Migration20261123170000_personalDataAccess extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table personal_data_access (
      id bigserial primary key,
      organisation_id text not null,
      actor text not null,
      role text not null,
      field text not null,
      member_ids jsonb not null,
      accessed_at timestamptz not null default now()
    )`);
    this.addSql('create index personal_data_access_organisation_idx on personal_data_access (organisation_id, id desc)');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists personal_data_access');
  }
}
