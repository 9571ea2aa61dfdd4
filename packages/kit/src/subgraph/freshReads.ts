/**
 * Shares reads among callers without ever giving one a value read before it asked: a caller that
 * arrives while a read is in flight waits for the next one, which starts when the current one ends,
 * and shares it with everyone else who arrived meanwhile. Under load that is one read per round trip
 * for any number of callers. For data versions, where an older value would let a cache serve data
 * from before a commit the caller already saw.
 */
export function createFreshReads<T>(read: () => Promise<T>): () => Promise<T> {
  let inFlight: Promise<T> | undefined;
  let queued: Promise<T> | undefined;
  const launch = (): Promise<T> => {
    const started = read().finally(() => {
      if (inFlight === started) inFlight = undefined;
    });
    inFlight = started;
    return started;
  };
  return () => {
    if (!inFlight) return launch();
    queued ??= inFlight
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        queued = undefined;
        return launch();
      });
    return queued;
  };
}
