import { describeViewer, type SubgraphContext } from '@nlf/schema';

/** The one place that says who is making a change: the caller the gateway's signature vouches for. */
export function actorOf(context: SubgraphContext): string {
  return describeViewer(context.viewer);
}
