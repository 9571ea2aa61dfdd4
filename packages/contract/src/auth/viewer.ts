/** Who is asking: verified by the gateway from a bearer token, passed to subgraphs signed. */
export type ViewerRole = 'union-staff' | 'secretariat' | 'dashboard';

export const VIEWER_ROLES: readonly ViewerRole[] = ['union-staff', 'secretariat', 'dashboard'];

export interface Viewer {
  /** The token's subject; null for anonymous callers. */
  subject: string | null;
  role: ViewerRole | 'anonymous';
  /** The organisation a union-staff member works for, or the secretariat organisation (e.g. OAO) a secretariat token names; else null. */
  organisationId: string | null;
}

export const ANONYMOUS: Viewer = Object.freeze({ subject: null, role: 'anonymous', organisationId: null });

export function isViewerRole(value: unknown): value is ViewerRole {
  return typeof value === 'string' && (VIEWER_ROLES as readonly string[]).includes(value);
}

/** A short, log-safe description: role and organisation, never the token. */
export function describeViewer(viewer: Viewer): string {
  if (viewer.role === 'anonymous') return 'anonymous';
  return viewer.organisationId ? `${viewer.role}:${viewer.organisationId}:${viewer.subject}` : `${viewer.role}:${viewer.subject}`;
}
