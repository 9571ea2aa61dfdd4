import type { SubgraphContext } from '@nlf/schema';

/** Who the audit trail names for a caller nobody has verified. */
export const ANONYMOUS = 'anonymous';

/**
 * The one place that says who is making a change. The gateway does not yet pass a verified viewer
 * (that comes with the federation's authentication); until it does, every caller is anonymous.
 * Wire the viewer in here, nowhere else.
 */
export function actorOf(_context: SubgraphContext): string {
  return ANONYMOUS;
}
