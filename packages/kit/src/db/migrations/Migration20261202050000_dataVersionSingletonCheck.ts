import { Migration } from '@mikro-orm/migrations';

/**
 * The data_version singleton check as dataVersionStatements writes it (`singleton = true`) instead of the
 * equivalent bare `singleton` of Migration20261123100000_dataVersion: MikroORM's schema comparison cannot
 * read a bare column check back, so DataVersionEntity would always differ from a union's database.
 * Same meaning; the table has one row.
 */
export class Migration20261202050000_dataVersionSingletonCheck extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table data_version drop constraint data_version_singleton_check,
      add constraint data_version_singleton_check check (singleton = true)`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table data_version drop constraint data_version_singleton_check,
      add constraint data_version_singleton_check check (singleton)`);
  }
}
