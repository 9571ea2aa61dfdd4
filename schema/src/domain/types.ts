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
}

export interface DomainForum {
  id: string;
  name: string;
  kind: string;
  level?: string | string[];
  audience?: string;
  evidence?: DomainSource[];
}

export interface DomainOrganisation {
  id: string;
  name: string;
  displayName?: string;
  country: string;
  kind: string;
  parent: { id: string } | null;
  memberCount: DomainFigure | null;
  leaderMemberCount: DomainFigure | null;
  sections?: DomainSection[];
  governingBodies?: DomainBody[];
  forums?: DomainForum[];
}

export interface DomainFile {
  meta: Record<string, unknown>;
  organisations: DomainOrganisation[];
}
