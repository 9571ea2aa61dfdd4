/** The parts of organisations.json the cooperation subgraph seeds from. */
export interface SourceRef {
  file: string;
  quote: string;
}

export interface FigureSource {
  low: number | null;
  high: number | null;
  approximate: boolean;
  estimate: boolean;
  qualifier?: string | null;
  scope?: string | null;
  unit?: string | null;
  source?: SourceRef | null;
}

export interface CooperationSource {
  id: string;
  name: string;
  secretariat: string;
  supportedBy: string | null;
  participants: string;
  form: string;
  politicalMeetings: { frequency: FigureSource | null; participants: string; purpose: string };
  topics: string[];
  evidence: SourceRef[];
}

export interface CongressDecisionSource {
  id: string;
  congress?: number | null;
  motionNumber?: number | null;
  origin?: string;
  title: string;
  decisionClauses?: string[];
  decisionText?: string;
  deadline?: string | null;
  status: string | null;
  statusEnum?: 'DONE' | 'IN_PROGRESS' | null;
  statusNote?: string;
  outcome?: string;
  activitiesDone?: string[];
  activitiesPlanned?: string[];
  remainingParts?: string[];
  evidence?: SourceRef[];
  source?: SourceRef;
}

export interface OrganisationSource {
  id: string;
  affiliatesWithLeaderMembers?: string[];
  cooperation?: CooperationSource;
  congressDecisions?: CongressDecisionSource[];
}
