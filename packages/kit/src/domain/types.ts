/**
 * The shape of organisations.json (../shared/domain), as far as the federation reads it.
 * Every figure carries its source file and a verbatim quote.
 */
export interface DomainSource {
  file: string;
  quote: string;
}

export interface DomainFigure {
  low: number | null;
  high: number | null;
  approximate: boolean;
  estimate: boolean;
  qualifier?: string | null;
  unit?: string | null;
  scope?: string | null;
  note?: string;
  source?: DomainSource | null;
}

export interface DomainItem {
  id: string;
  name: string | null;
  abbreviation?: string;
  sector?: string;
  status?: string;
  memberCount?: DomainFigure | null;
  source?: DomainSource;
}

export interface DomainSection {
  id: string;
  name: string;
  schemaType: string;
  kind?: string;
  count: DomainFigure | null;
  byKind?: { kind: string; originalTerm: string; count: DomainFigure }[];
  items?: DomainItem[];
  evidence?: DomainSource[];
  // The curator's English about the kind of unit as a whole.
  members?: string;
  fees?: string;
  membershipRule?: string;
  work?: string;
  note?: string;
  countNote?: string;
  branchBoard?: { name: string; electedBy?: string };
  branchMeeting?: { name: string; frequency?: string; deadline?: string };
  // Workplace groups (schemaType WorkplaceGroup).
  minimumMembers?: DomainFigure | null;
  representative?: string;
  belongsTo?: string;
  mainTask?: string;
  scopeRule?: string;
}

export interface DomainBody {
  id: string;
  name: string;
  kind: string;
  role?: string;
  meetingFrequency?: string | null;
  electedBy?: string | null;
  term?: string;
  size?: DomainFigure | null;
  composition?: { role: string; originalTitle: string; seats: number }[];
  members?: { role: string; originalTitle: string; name: string }[];
  evidence?: DomainSource[];
  participants?: string;
  agenda?: string;
  elects?: string[];
  reportsTo?: string;
  audience?: string;
  levels?: string[];
  statutory?: boolean;
  status?: string;
  // The curator's remarks where the sources give nothing (see NOTE_FIELDS).
  membersNote?: string;
  meetingFrequencyNote?: string;
  statusNote?: string;
  note?: string;
}

export interface DomainForum {
  id: string;
  name: string;
  kind: string;
  level?: string | string[];
  audience?: string;
  participants?: string | DomainFigure;
  evidence?: DomainSource[];
  partOf?: string;
  cardinality?: string;
  status?: string;
  meetingFrequency?: string;
  focusAreas?: string[];
  ends?: string;
}

export interface DomainOrganisation extends DomainProfile {
  id: string;
  name: string;
  displayName?: string;
  country: string;
  kind: string;
  memberCount: DomainFigure | null;
  leaderMemberCount: DomainFigure | null;
  sections?: DomainSection[];
  governingBodies?: DomainBody[];
  forums?: DomainForum[];
}

/** What organisations.json's meta.sources says of one source document. */
export interface DomainDocument {
  language?: string;
  organisation?: string;
  what?: string;
}

export interface DomainFile {
  meta: Record<string, unknown> & { sources?: Record<string, DomainDocument> };
  organisations: DomainOrganisation[];
}

/** A fact of organisations.json: the curator's English (text/summary) and its quote(s). */
export interface DomainStatement {
  text?: string;
  summary?: string;
  items?: string[];
  source?: DomainSource;
  evidence?: DomainSource[];
}

export interface DomainLabelledFigure {
  label?: string;
  text?: string;
  value: DomainFigure & { note?: string };
}

/** The parts of an organisation beyond figures and bodies; every one optional, as the sources are. */
export interface DomainProfile {
  parent: ({ id: string; source?: DomainSource }) | null;
  countryBasis?: { basis: string; note?: string; source?: DomainSource };
  /** The row of the Danish table leaderMemberCount is read from (1 = first). */
  tableRowOrder?: number;
  leaderMemberCountCaption?: DomainSource;
  leaderMemberCountAlternatives?: DomainLabelledFigure[];
  otherNumbers?: DomainLabelledFigure[];
  scope?: DomainStatement;
  tagline?: DomainStatement;
  vision?: DomainStatement;
  officers?: { role: string; originalTitle: string; electedBy?: string; note?: string; source?: DomainSource }[];
  representativeRules?: {
    originalTerm: string;
    decidedBy?: string;
    principles?: { key?: string; text?: string; source?: DomainSource }[];
    multiOrgNumberMandate?: { grantedBy?: string; conditions?: string[]; evidence?: DomainSource[] };
    evidence?: DomainSource[];
  };
  levels?: { level: string; originalTerm: string }[];
  secretariat?: {
    originalTerm: string;
    ledBy?: string;
    staffCount?: DomainFigure | null;
    offices?: { city: string; type: string }[];
    staffUnits?: { originalTerm: string; count?: DomainFigure | null; names?: string[]; evidence?: DomainSource[] };
    units?: string[];
    evidence?: DomainSource[];
  } | null;
  membershipBenefits?: DomainStatement[];
  membershipFee?: {
    rate?: { value: number; unit?: string; appliesTo?: string };
    extras?: string[];
    students?: string;
    evidence?: DomainSource[];
  };
  policyDocuments?: { name: string; schemaType: string; source?: DomainSource }[];
  initiatives?: { name: string; period?: string; goal?: string; goals?: string[]; evidence?: DomainSource[] }[];
  policyPositions?: DomainStatement;
  representationRule?: DomainStatement;
  leaderRegistration?: DomainStatement;
  leaderDefinition?: DomainStatement;
  leaderOrganisationPattern?: DomainStatement;
  typicalLeaderServicesOfAffiliates?: DomainStatement;
  affiliates?: { id: string; note?: string }[];
  affiliatesWithLeaderMembers?: string[];
  affiliatesNote?: string;
  affiliatesEvidence?: DomainSource[];
  roles?: { cooperation: string; role: string; text?: string; source?: DomainSource }[];
  workGroup?: DomainStatement;
}
