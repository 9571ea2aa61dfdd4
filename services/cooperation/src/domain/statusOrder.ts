import { ErrorCode } from '@nlf/contract';
import type { DecisionStatusValue } from '../entities';
import { InputError } from './errors';

/**
 * The allowed order of a decision's status: PROPOSED → IN_PROGRESS → DONE, one step at a time and
 * never back. UNKNOWN (the source gives no status) may become any known status, once; nothing
 * becomes UNKNOWN. DONE is final.
 */
const NEXT: Record<DecisionStatusValue, DecisionStatusValue[]> = {
  UNKNOWN: ['PROPOSED', 'IN_PROGRESS', 'DONE'],
  PROPOSED: ['IN_PROGRESS'],
  IN_PROGRESS: ['DONE'],
  DONE: [],
};

export function allowedNextStatuses(from: DecisionStatusValue): DecisionStatusValue[] {
  return NEXT[from];
}

export function checkStatusChange(from: DecisionStatusValue, to: DecisionStatusValue): void {
  const allowed = NEXT[from];
  if (allowed.includes(to)) return;
  const why = from === to ? 'it already has that status' : allowed.length ? `the next allowed: ${allowed.join(', ')}` : `${from} is final`;
  throw new InputError(ErrorCode.INVALID_STATUS_TRANSITION, `A decision cannot go from ${from} to ${to}: ${why}`, 'status', {
    from,
    to,
    allowed,
  });
}
