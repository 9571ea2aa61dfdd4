import { Migration } from '@mikro-orm/migrations';

/**
 * Everything else the sources say about an organisation (rules, positions, benefits, other figures...)
 * as one jsonb value on its row, and a forum's participant figure. Rows seeded before stay null
 * (the API answers null/empty) until the next `seed`.
 */
export class Migration20261202000000_sourceProfile extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table organisation add column profile jsonb');
    this.addSql('alter table forum add column participant_count jsonb');
  }

  override async down(): Promise<void> {
    this.addSql('alter table forum drop column if exists participant_count');
    this.addSql('alter table organisation drop column if exists profile');
  }
}
