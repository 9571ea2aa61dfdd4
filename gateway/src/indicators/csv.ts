/** The answer of DashboardIndicators, as far as the CSV export reads it. */
interface FigureLike {
  low: number | null;
  high: number | null;
  estimate: boolean;
  qualifier?: string | null;
  scope?: string | null;
  source?: { document: string; quote: string } | null;
}
interface TotalLike extends FigureLike {
  reporting: number;
  missing: string[];
  unavailable: string[];
}
interface CountryLike {
  id: string;
  unions: number;
  reportingShare: number;
  registerLeaderMemberCount: number;
  councilCount: number;
  forumCount: number;
  unavailable: string[];
  computedAt: string;
  leaderMemberCount: TotalLike;
  memberCount: TotalLike;
}
interface OrganisationEntryLike {
  id: string;
  country: string;
  kind: string;
  organisation: OrganisationLike | null;
}
interface OrganisationLike {
  displayName: string;
  indicators: {
    reported: boolean;
    registerLeaderMemberCount: number | null;
    registerLeaderMemberCountFewerThan?: number | null;
    registerSynthetic: boolean | null;
    councilCount: number;
    forumCount: number;
    computedAt: string;
    leaderMemberCount: FigureLike | null;
    memberCount: FigureLike | null;
  };
}
export interface IndicatorsAnswer {
  indicators: { computedAt: string; countries: CountryLike[]; overall: CountryLike; organisations: OrganisationEntryLike[] };
}

export const CSV_COLUMNS = [
  'level', 'id', 'name', 'country', 'kind', 'available',
  'leader_members_low', 'leader_members_high', 'leader_members_estimate', 'leader_members_qualifier', 'leader_members_scope', 'leader_members_source',
  'members_low', 'members_high', 'members_estimate', 'members_source',
  'unions', 'unions_reporting_leader_members', 'reporting_share', 'unions_missing_leader_members', 'unions_unavailable',
  'register_leader_members', 'register_synthetic', 'councils', 'forums', 'computed_at',
] as const;

type Row = Partial<Record<(typeof CSV_COLUMNS)[number], string | number | boolean | null>>;

/** RFC 4180 quoting; text that a spreadsheet would run as a formula is prefixed with '. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const figureCells = (prefix: 'leader_members' | 'members', figure: FigureLike | null): Row => ({
  [`${prefix}_low`]: figure?.low ?? null,
  [`${prefix}_high`]: figure?.high ?? null,
  [`${prefix}_estimate`]: figure ? figure.estimate : null,
  ...(prefix === 'leader_members' ? { leader_members_qualifier: figure?.qualifier ?? null, leader_members_scope: figure?.scope ?? null } : {}),
  [`${prefix}_source`]: figure?.source ? `${figure.source.document}: ${figure.source.quote}` : null,
});

/**
 * One row per country, one for all unions together, one per organisation; a `level` column tells
 * them apart, so a spreadsheet can filter. An organisation whose subgraph did not answer is a row
 * with available=false and empty figures, never a row of zeros.
 */
export function indicatorsCsv(answer: IndicatorsAnswer): string {
  const { indicators } = answer;
  const countryRow = (country: CountryLike): Row => ({
    level: country.id === 'ALL' ? 'all' : 'country',
    id: country.id,
    country: country.id === 'ALL' ? null : country.id,
    available: country.unavailable.length === 0,
    ...figureCells('leader_members', { ...country.leaderMemberCount, source: null }),
    ...figureCells('members', { ...country.memberCount, source: null }),
    unions: country.unions,
    unions_reporting_leader_members: country.leaderMemberCount.reporting,
    reporting_share: Math.round(country.reportingShare * 1000) / 1000,
    unions_missing_leader_members: country.leaderMemberCount.missing.join(' '),
    unions_unavailable: country.unavailable.join(' '),
    register_leader_members: country.registerLeaderMemberCount,
    councils: country.councilCount,
    forums: country.forumCount,
    computed_at: country.computedAt,
  });
  const organisationRow = ({ id, country, kind, organisation: org }: OrganisationEntryLike): Row => {
    const identity: Row = { level: 'organisation', id, country, kind };
    if (!org) return { ...identity, available: false, computed_at: indicators.computedAt };
    return {
    ...identity,
    name: org.displayName,
    available: true,
    ...figureCells('leader_members', org.indicators.leaderMemberCount),
    ...figureCells('members', org.indicators.memberCount),
    register_leader_members: org.indicators.registerLeaderMemberCountFewerThan
      ? `fewer than ${org.indicators.registerLeaderMemberCountFewerThan}`
      : org.indicators.registerLeaderMemberCount,
    register_synthetic: org.indicators.registerSynthetic,
    councils: org.indicators.councilCount,
    forums: org.indicators.forumCount,
    computed_at: org.indicators.computedAt,
    };
  };
  const rows: Row[] = [...indicators.countries.map(countryRow), countryRow(indicators.overall), ...indicators.organisations.map(organisationRow)];
  return [CSV_COLUMNS.join(','), ...rows.map((row) => CSV_COLUMNS.map((column) => csvCell(row[column])).join(','))].join('\r\n') + '\r\n';
}
