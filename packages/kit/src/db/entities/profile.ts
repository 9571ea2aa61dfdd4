import type { FigureData, SourceData } from './values';

/**
 * What the sources say about an organisation beyond figures and bodies, stored as one jsonb value on its
 * row (read with it, replaced with it on a reseed). The mapper turns it into the contract's fields.
 * English strings are the curator's renderings; quotes are in `sources`/`source`.
 */
export interface StatementData {
  english: string | null;
  items: string[];
  sources: SourceData[];
}

export interface RuleClauseData {
  key: string | null;
  english: string | null;
  sources: SourceData[];
}

export interface RepresentativeRulesData {
  originalTerm: string;
  decidedBy: string | null;
  clauses: RuleClauseData[];
  exceptions: { grantedBy: string | null; conditions: string[]; sources: SourceData[] }[];
  sources: SourceData[];
}

export interface WorkplaceGroupData {
  id: string;
  originalTerm: string;
  count: FigureData | null;
  minimumMembers: FigureData | null;
  representative: string | null;
  belongsTo: string | null;
  mainTask: string | null;
  scopeRule: string | null;
  sources: SourceData[];
}

export interface UnitBodyData {
  originalTerm: string;
  electedBy: string | null;
  frequency: string | null;
  deadline: string | null;
}

export interface UnitGroupData {
  id: string;
  originalTerm: string;
  unitType: string;
  /** Absent on rows seeded before it. */
  kind?: string | null;
  count: FigureData | null;
  composition: string | null;
  membershipRule: string | null;
  fees: string | null;
  work: string | null;
  board: UnitBodyData | null;
  meeting: UnitBodyData | null;
  sources: SourceData[];
}

export interface SecretariatData {
  originalTerm: string;
  ledBy: string | null;
  staffCount: FigureData | null;
  offices: { city: string; english: string }[];
  staffUnits: { originalTerm: string; count: FigureData | null; names: string[]; sources: SourceData[] } | null;
  units: string[];
  sources: SourceData[];
}

export interface ProfileData {
  parentSource: SourceData | null;
  /** note: absent on rows seeded before it. */
  countryBasis: { basis: string; source: SourceData | null; note?: string | null } | null;
  leaderMemberCountCaption: SourceData | null;
  /** Absent on rows seeded before it. */
  leaderMemberCountTableRow?: number | null;
  leaderMemberCountAlternatives: FigureData[];
  otherFigures: FigureData[];
  scope: StatementData | null;
  tagline: StatementData | null;
  vision: StatementData | null;
  officers: { role: string; originalTitle: string; electedBy: string | null; note: string | null; source: SourceData | null }[];
  representativeRules: RepresentativeRulesData[];
  workplaceGroups: WorkplaceGroupData[];
  unitGroups: UnitGroupData[];
  levels: { level: string; originalTerm: string }[];
  secretariat: SecretariatData | null;
  membershipBenefits: StatementData[];
  membershipFee: {
    rate: number | null; rateUnit: string | null; appliesTo: string | null; extras: string[]; students: string | null;
    sources: SourceData[];
  } | null;
  policyDocuments: { name: string; documentType: string; source: SourceData | null }[];
  initiatives: { name: string; period: string | null; goals: string[]; sources: SourceData[] }[];
  policyPositions: StatementData | null;
  representationRule: StatementData | null;
  leaderRegistration: StatementData | null;
  leaderDefinition: StatementData | null;
  leaderOrganisationPattern: StatementData | null;
  affiliateLeaderServices: StatementData | null;
  affiliates: { organisations: { organisationId: string; note: string | null }[]; note: string | null; sources: SourceData[] } | null;
  cooperationRoles: { cooperationId: string; role: string; english: string | null; source: SourceData | null }[];
  authorship: StatementData | null;
  curatorNotes: { field: string; english: string }[];
  /** Absent on rows seeded before it. */
  sourceDocuments?: { document: string; language: string | null; organisationId: string | null; about: string | null }[];
}
