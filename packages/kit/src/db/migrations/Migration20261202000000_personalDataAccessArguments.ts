import { Migration } from '@mikro-orm/migrations';

/**
 * Every read of a field marked personal is audited, counts included: a count of the members matching
 * a name returns no member, so the entry keeps the read's arguments to say what was asked about.
 */
export class Migration20261202000000_personalDataAccessArguments extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table personal_data_access add column arguments jsonb not null default '{}'::jsonb`);
  }

  override async down(): Promise<void> {
    this.addSql('alter table personal_data_access drop column arguments');
  }
}
