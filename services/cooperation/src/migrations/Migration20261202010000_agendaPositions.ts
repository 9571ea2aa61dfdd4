import { Migration } from '@mikro-orm/migrations';

/**
 * One agenda position per point of a meeting: concurrent additions that read the same last position
 * now collide on this constraint, and the loser retries with the next one (meetings.ts). Positions
 * two additions already share are renumbered first, in their order of position and then id.
 */
export class Migration20261202010000_agendaPositions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`update agenda_item a set position = n.position from (
      select id, row_number() over (partition by meeting_id order by position, id) as position from agenda_item
    ) n where a.id = n.id and a.position <> n.position`);
    this.addSql('drop index if exists agenda_item_meeting_idx');
    this.addSql('alter table agenda_item add constraint agenda_item_position_unique unique (meeting_id, position)');
  }

  override async down(): Promise<void> {
    this.addSql('alter table agenda_item drop constraint agenda_item_position_unique');
    this.addSql('create index agenda_item_meeting_idx on agenda_item (meeting_id, position)');
  }
}
