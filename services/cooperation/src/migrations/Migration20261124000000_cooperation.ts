import { Migration } from '@mikro-orm/migrations';

/** The cooperation secretariat's storage: work groups, meetings, decisions and the audit trail. */
export class Migration20261124000000_cooperation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table work_group (
      id text primary key,
      name text not null check (length(trim(name)) > 0),
      purpose text null,
      secretariat_id text null,
      supported_by_id text null,
      sources jsonb not null default '[]',
      version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`);
    this.addSql(`create table work_group_participant (
      id text primary key,
      work_group_id text not null references work_group (id) on delete cascade,
      organisation_id text not null,
      role text not null check (role in ('SECRETARIAT', 'SUPPORT', 'MEMBER')),
      position int not null,
      basis text null,
      source jsonb null,
      unique (work_group_id, organisation_id)
    )`);
    this.addSql('create index work_group_participant_organisation_idx on work_group_participant (organisation_id)');
    this.addSql(`create table topic (
      id text primary key,
      work_group_id text not null references work_group (id) on delete cascade,
      position int not null,
      title text not null,
      source jsonb null
    )`);
    this.addSql('create index topic_work_group_idx on topic (work_group_id, position)');
    this.addSql(`create table meeting_rhythm (
      id text primary key,
      work_group_id text not null references work_group (id) on delete cascade,
      position int not null,
      kind text not null,
      description text not null,
      frequency jsonb null,
      participants text null,
      purpose text null,
      source jsonb null
    )`);
    this.addSql(`create table meeting (
      id text primary key,
      work_group_id text not null references work_group (id) on delete cascade,
      date text not null check (date ~ '^\\d{4}-\\d{2}-\\d{2}$'),
      kind text not null,
      status text not null check (status in ('SCHEDULED', 'HELD')),
      minutes text null,
      version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`);
    this.addSql('create index meeting_work_group_idx on meeting (work_group_id, date)');
    this.addSql(`create table meeting_participant (
      id text primary key,
      meeting_id text not null references meeting (id) on delete cascade,
      organisation_id text not null,
      position int not null,
      unique (meeting_id, organisation_id)
    )`);
    this.addSql(`create table agenda_item (
      id text primary key,
      meeting_id text not null references meeting (id) on delete cascade,
      position int not null,
      title text not null,
      topic_id text null references topic (id)
    )`);
    this.addSql('create index agenda_item_meeting_idx on agenda_item (meeting_id, position)');
    this.addSql(`create table decision (
      id text primary key,
      organisation_id text not null,
      work_group_id text null references work_group (id) on delete set null,
      congress int null,
      motion_number int null,
      origin text null,
      title text not null check (length(trim(title)) > 0),
      clauses jsonb not null default '[]',
      status text not null check (status in ('PROPOSED', 'IN_PROGRESS', 'DONE', 'UNKNOWN')),
      original_status text null,
      status_note text null,
      deadline text null,
      outcome text null,
      activities jsonb not null default '[]',
      remaining_parts jsonb not null default '[]',
      sources jsonb not null default '[]',
      version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`);
    this.addSql('create index decision_organisation_idx on decision (organisation_id)');
    this.addSql('create index decision_work_group_idx on decision (work_group_id)');
    this.addSql(`create table decision_status_change (
      id text primary key,
      decision_id text not null references decision (id) on delete cascade,
      position int not null,
      status text not null,
      original_status text null,
      note text null,
      changed_at timestamptz null,
      changed_by text not null,
      source jsonb null,
      unique (decision_id, position)
    )`);
    this.addSql(`create table audit_event (
      id bigserial primary key,
      at timestamptz not null default now(),
      actor text not null,
      action text not null,
      entity_type text not null,
      entity_id text not null,
      changes jsonb not null default '[]'
    )`);
    this.addSql('create index audit_event_entity_idx on audit_event (entity_id, id)');
  }
}
