/**
 * Asks `probe` until `accept` takes its answer, for at most `timeoutMs`, and returns the last answer
 * either way, so the test's own expectation says what was wrong. For answers that may be a few
 * seconds old by design (the gateway's /health and /ready).
 */
export async function eventually<T>(probe: () => Promise<T>, accept: (answer: T) => boolean, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await probe();
    if (accept(answer) || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
