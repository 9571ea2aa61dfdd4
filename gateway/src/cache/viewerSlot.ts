import type { Viewer } from '@nlf/contract';

/**
 * Who may share an answer with the viewer (response cache, in-flight sharing, refusal memo): callers
 * who may see the same things, the same role in the same organisation. Null for no viewer at all.
 */
export function viewerSlot(viewer: Viewer | undefined): string | null {
  return viewer ? `${viewer.role}:${viewer.organisationId ?? ''}` : null;
}
