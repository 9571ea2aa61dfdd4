import { ForbiddenError, type Viewer } from '@nlf/schema';

/**
 * Who may change the joint work:
 * - work groups, their participants, meetings and agendas: the secretariat; a secretariat token that
 *   names its organisation (e.g. OAO) may create groups only with itself as the secretariat;
 * - decisions: the secretariat, or the staff of the organisation the decision belongs to.
 * Dashboards and anonymous callers only read.
 */
export function assertCanRunWorkGroups(viewer: Viewer, field: string, secretariatId?: string): void {
  if (viewer.role !== 'secretariat') throw new ForbiddenError(field, 'only the secretariat changes work groups and meetings');
  if (secretariatId && viewer.organisationId && viewer.organisationId !== secretariatId) {
    throw new ForbiddenError(field, `a secretariat token of ${viewer.organisationId} runs only its own work groups`);
  }
}

export function assertCanWriteDecision(viewer: Viewer, field: string, organisationId: string): void {
  if (viewer.role === 'secretariat') return;
  if (viewer.role === 'union-staff' && viewer.organisationId === organisationId) return;
  throw new ForbiddenError(field, "only the secretariat or the organisation's own staff change its decisions");
}
