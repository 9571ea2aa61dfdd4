import { Migration } from '@mikro-orm/migrations';

/** The contract's storage model: organisations, their bodies and units, and the leader-member register. */
export class Migration20261123000000_contract extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table organisation (
      id text primary key,
      name text not null,
      display_name text not null,
      country text not null check (country in ('NO', 'SE', 'DK')),
      kind text not null check (kind in ('UNION', 'CONFEDERATION', 'SECRETARIAT')),
      parent_id text null,
      member_count jsonb null,
      leader_member_count jsonb null,
      branch_counts jsonb not null default '[]',
      has_register boolean not null default false
    )`);
    this.addSql(`create table council (
      id text primary key,
      organisation_id text not null references organisation (id) on delete cascade,
      position int not null,
      name text not null,
      kind text not null,
      role text null,
      meeting_frequency text null,
      elected_by text null,
      term text null,
      size jsonb null,
      seats jsonb not null default '[]',
      sources jsonb not null default '[]'
    )`);
    this.addSql('create index council_organisation_idx on council (organisation_id, position)');
    this.addSql(`create table council_member (
      id text primary key,
      council_id text not null references council (id) on delete cascade,
      position int not null,
      role text not null,
      original_title text not null,
      name text not null,
      source jsonb null
    )`);
    this.addSql('create index council_member_council_idx on council_member (council_id, position)');
    this.addSql(`create table forum (
      id text primary key,
      organisation_id text not null references organisation (id) on delete cascade,
      position int not null,
      name text not null,
      kind text not null,
      levels jsonb not null default '[]',
      audience text null,
      sources jsonb not null default '[]'
    )`);
    this.addSql('create index forum_organisation_idx on forum (organisation_id, position)');
    this.addSql(`create table branch (
      id text primary key,
      organisation_id text not null references organisation (id) on delete cascade,
      position int not null,
      name text null,
      kind text not null,
      sector text null,
      member_count jsonb null,
      status text null,
      source jsonb null
    )`);
    this.addSql('create index branch_organisation_idx on branch (organisation_id, position)');
    this.addSql(`create table section (
      id text primary key,
      organisation_id text not null references organisation (id) on delete cascade,
      position int not null,
      name text not null,
      abbreviation text null,
      kind text not null,
      source jsonb null
    )`);
    this.addSql('create index section_organisation_idx on section (organisation_id, position)');
    this.addSql(`create table leader_member (
      id text primary key,
      organisation_id text not null references organisation (id) on delete cascade,
      given_name text not null,
      family_name text not null,
      title text not null,
      region text not null,
      birth_year int not null,
      joined_on date not null,
      section_id text null,
      branch_id text null,
      synthetic boolean not null
    )`);
    // Keyset pagination walks (organisation_id, id): page 2 000 costs what page 1 costs.
    this.addSql('create index leader_member_organisation_idx on leader_member (organisation_id, id)');
    this.addSql(`create table register_info (
      organisation_id text primary key references organisation (id) on delete cascade,
      synthetic boolean not null,
      seed int not null,
      size int not null,
      generated_at timestamptz not null default now()
    )`);
  }

  override async down(): Promise<void> {
    for (const table of ['register_info', 'leader_member', 'section', 'branch', 'forum', 'council_member', 'council', 'organisation']) {
      this.addSql(`drop table if exists ${table}`);
    }
  }
}
