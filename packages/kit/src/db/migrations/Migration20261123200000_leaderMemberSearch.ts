import { Migration } from '@mikro-orm/migrations';

/**
 * leaderMemberSearch: a case-insensitive prefix match (`lower(...) like 'tex%'`) on the family name and
 * on "given family" (a prefix of the given name is a prefix of that too). text_pattern_ops lets a
 * LIKE prefix use the index whatever the database's collation; the ICU root collation makes lower()
 * fold å, ø, ö... even in a database created with the C locale. Each index leads with the
 * organisation, as every query is one organisation's. The page itself is ordered by id, which the
 * (organisation_id, id) index of the contract's first migration already serves.
 */
export class Migration20261123200000_leaderMemberSearch extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      'create index leader_member_family_name_search_idx on leader_member ' +
        '(organisation_id, lower(family_name collate "und-x-icu") text_pattern_ops)',
    );
    this.addSql(
      'create index leader_member_full_name_search_idx on leader_member ' +
        `(organisation_id, lower((given_name || ' ' || family_name) collate "und-x-icu") text_pattern_ops)`,
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists leader_member_full_name_search_idx');
    this.addSql('drop index if exists leader_member_family_name_search_idx');
  }
}
