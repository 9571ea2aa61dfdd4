import { getOperationAST, parse } from 'graphql';
import { createShareableCheck, type PersonalFieldsSource } from '../cache/cachePolicy';

/** A subgraph's answer, read whole so that every caller waiting on it can be given its own copy. */
export interface SubgraphAnswer {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
}

export interface SharedSubgraphCallStats {
  /** Calls sent to a subgraph. */
  sent: number;
  /** Calls answered by joining an identical call already in flight. */
  joined: number;
}

/**
 * Identical subgraph calls in flight at the same time are sent once and their answer shared. Only
 * while in flight: nothing is kept once the answer is in, so this never serves anything older than
 * a call made after the caller asked. Dashboards polling the same indicators, and many callers of a
 * comparison, ask the same subgraph the same thing at the same moment.
 */
export class SharedSubgraphCalls {
  private readonly pending = new Map<string, Promise<SubgraphAnswer>>();
  private readonly counts: SharedSubgraphCallStats = { sent: 0, joined: 0 };

  run(key: string, send: () => Promise<SubgraphAnswer>): Promise<SubgraphAnswer> {
    const waiting = this.pending.get(key);
    if (waiting) {
      this.counts.joined += 1;
      return waiting;
    }
    this.counts.sent += 1;
    const call = send().finally(() => this.pending.delete(key));
    this.pending.set(key, call);
    return call;
  }

  stats(): SharedSubgraphCallStats {
    return { ...this.counts };
  }
}

/**
 * Whether a subgraph operation may share its answer with other callers of the same role and
 * organisation: a query that selects no field the supergraph in force marks personal. Reads of personal data are never shared,
 * because each read must reach the union's audit log under its own caller.
 */
export function createShareableSubgraphQuery(personalFields: PersonalFieldsSource) {
  const isShareable = createShareableCheck(personalFields, 2000);
  return (query: string): boolean =>
    isShareable(query, () => {
      try {
        const document = parse(query);
        // The one operation of the document; null when there are several (or none).
        const operation = getOperationAST(document);
        return operation ? { document, operation } : undefined;
      } catch {
        return undefined;
      }
    });
}
