import { Migration } from '@mikro-orm/migrations';

/**
 * What the sources say of councils and forums beyond their figures: who takes part, what they deal with
 * and elect, their standing (statutory, proposed), a forum's focus areas and end. Rows seeded before
 * answer null/empty until the next `seed`.
 */
export class Migration20261202040000_bodyDetails extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table council
      add column participants text, add column agenda text, add column elects jsonb not null default '[]',
      add column reports_to text, add column audience text, add column levels jsonb not null default '[]',
      add column statutory boolean, add column status text`);
    this.addSql(`alter table forum
      add column participants text, add column part_of text, add column cardinality text, add column status text,
      add column meeting_frequency text, add column focus_areas jsonb not null default '[]', add column ends text`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table forum drop column if exists participants, drop column if exists part_of,
      drop column if exists cardinality, drop column if exists status, drop column if exists meeting_frequency,
      drop column if exists focus_areas, drop column if exists ends`);
    this.addSql(`alter table council drop column if exists participants, drop column if exists agenda,
      drop column if exists elects, drop column if exists reports_to, drop column if exists audience,
      drop column if exists levels, drop column if exists statutory, drop column if exists status`);
  }
}
