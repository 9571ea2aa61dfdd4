/** Value objects stored as jsonb: the database's shape, mapped to contract types by the mapper. */
export interface SourceData {
  document: string;
  quote: string;
}

export interface FigureData {
  low: number | null;
  high: number | null;
  approximate: boolean;
  estimate: boolean;
  qualifier: string | null;
  scope: string | null;
  unit: string | null;
  source: SourceData | null;
  /** The curator's English: what is counted (other figures) and a remark. Absent on rows seeded before them. */
  label?: string | null;
  note?: string | null;
}

export interface BranchCountData {
  kind: string | null;
  originalTerm: string;
  count: FigureData;
}

export interface SeatData {
  role: string;
  originalTitle: string;
  count: number;
}
