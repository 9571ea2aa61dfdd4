export interface FigureBounds {
  low: number | null;
  high: number | null;
  estimate: boolean;
}

export interface TotalEntry {
  id: string;
  /** undefined: the organisation's subgraph did not answer; null: its sources give no figure. */
  figure: FigureBounds | null | undefined;
}

export interface Total {
  low: number;
  high: number | null;
  reporting: number;
  missing: string[];
  unavailable: string[];
  estimate: boolean;
}

/** The rules of `type Total`, over unions' figures. */
export function total(entries: readonly TotalEntry[]): Total {
  const result: Total = { low: 0, high: 0, reporting: 0, missing: [], unavailable: [], estimate: false };
  let highKnown = true;
  for (const { id, figure } of entries) {
    if (figure === undefined) {
      result.unavailable.push(id);
    } else if (figure === null) {
      result.missing.push(id);
    } else {
      result.reporting += 1;
      result.low += figure.low ?? 0;
      // A gateway may leave a null field out of the @requires representation (Hive Gateway's Rust
      // planner does): an absent high is as unknown as a null one.
      if (figure.high == null) highKnown = false;
      else result.high = (result.high ?? 0) + figure.high;
      result.estimate ||= figure.estimate;
    }
  }
  if (!highKnown || result.reporting === 0) result.high = null;
  return result;
}
