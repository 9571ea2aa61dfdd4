import { Migration } from '@mikro-orm/migrations';

/**
 * The language a decision's or work group's text is written in (nb, sv, da, en...), so the passages a
 * later mutation writes for it (a status note, a new purpose) are searched in that language. `seed`
 * sets it from the source document; a mutation from its `language` input. Null: not known (searched
 * word for word).
 */
export class Migration20261202040000_textLanguage extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table decision add column language text');
    this.addSql('alter table work_group add column language text');
  }

  override async down(): Promise<void> {
    this.addSql('alter table work_group drop column if exists language');
    this.addSql('alter table decision drop column if exists language');
  }
}
