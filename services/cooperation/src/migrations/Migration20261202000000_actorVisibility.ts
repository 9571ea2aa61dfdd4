import { Migration } from '@mikro-orm/migrations';

/**
 * Who made a change is shown whole (the token subject, a person) only to the work group's secretariat
 * and the actor's own organisation's staff; everyone else reads role and organisation. Audit events
 * and status changes keep those apart, and each event its work group. Rows written before are filled
 * in from the actor text, written as role:organisation:subject (union staff, a secretariat naming its
 * organisation) or role:subject.
 */
export class Migration20261202000000_actorVisibility extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table audit_event add column actor_role text null, add column actor_organisation_id text null, add column work_group_id text null');
    this.addSql('alter table decision_status_change add column changed_by_role text null, add column changed_by_organisation_id text null');
    for (const [table, actor, role, organisation] of [
      ['audit_event', 'actor', 'actor_role', 'actor_organisation_id'],
      ['decision_status_change', 'changed_by', 'changed_by_role', 'changed_by_organisation_id'],
    ]) {
      this.addSql(`update ${table} set ${role} = split_part(${actor}, ':', 1),
        ${organisation} = case when array_length(string_to_array(${actor}, ':'), 1) >= 3 then split_part(${actor}, ':', 2) end
        where split_part(${actor}, ':', 1) in ('union-staff', 'secretariat', 'dashboard')`);
    }
    this.addSql(`update audit_event set work_group_id = entity_id where entity_type = 'WorkGroup'`);
    this.addSql(`update audit_event a set work_group_id = m.work_group_id from meeting m where a.entity_type = 'Meeting' and m.id = a.entity_id`);
    this.addSql(`update audit_event a set work_group_id = d.work_group_id from decision d where a.entity_type = 'Decision' and d.id = a.entity_id`);
  }

  override async down(): Promise<void> {
    this.addSql('alter table audit_event drop column actor_role, drop column actor_organisation_id, drop column work_group_id');
    this.addSql('alter table decision_status_change drop column changed_by_role, drop column changed_by_organisation_id');
  }
}
