import { ForbiddenError } from '../errors';
import type { Viewer } from './viewer';

/**
 * The rules of who may see what, in one place for every subgraph:
 * - personal data of an organisation's members: that organisation's union staff only;
 * - breakdowns of the registers: any authenticated caller (union staff, secretariat, dashboard);
 * - the public organisational facts (names, reported figures with sources, councils, forums, the
 *   size of each register): anyone.
 */
export function canReadPersonalData(viewer: Viewer, organisationId: string): boolean {
  return viewer.role === 'union-staff' && viewer.organisationId === organisationId;
}

export function canReadAggregates(viewer: Viewer): boolean {
  return viewer.role !== 'anonymous';
}

export function assertCanReadPersonalData(viewer: Viewer, organisationId: string, field: string): void {
  // Same answer whether or not the organisation has members: existence is not revealed either.
  if (!canReadPersonalData(viewer, organisationId)) {
    throw new ForbiddenError(field, "only the organisation's own union staff may read its members");
  }
}

export function assertCanReadAggregates(viewer: Viewer, field: string): void {
  if (!canReadAggregates(viewer)) throw new ForbiddenError(field, 'register breakdowns need an authenticated caller');
}
