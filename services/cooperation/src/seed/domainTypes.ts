import type { DomainFigure, DomainSource } from '@nlf/kit';

/** The parts of organisations.json the cooperation subgraph seeds from; its sources and figures are the kit's. */

export interface CooperationSource {
  id: string;
  name: string;
  secretariat: string;
  supportedBy: string | null;
  participants: string;
  form: string;
  politicalMeetings: { frequency: DomainFigure | null; participants: string; purpose: string };
  topics: string[];
  evidence: DomainSource[];
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
  evidence?: DomainSource[];
  source?: DomainSource;
}

export interface OrganisationSource {
  id: string;
  affiliatesWithLeaderMembers?: string[];
  cooperation?: CooperationSource;
  congressDecisions?: CongressDecisionSource[];
}
