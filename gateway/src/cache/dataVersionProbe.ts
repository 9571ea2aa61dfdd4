import { createFreshReads, DATA_VERSION_PATH } from '@nlf/kit';
import { request, type Dispatcher } from 'undici';

/**
 * Reads one subgraph's data version so that a caller always gets a value read after it asked
 * (createFreshReads): never a version from before the caller's request, so a change committed
 * before a request can never be answered from an older cache entry.
 */
export class DataVersionProbe {
  private reads = 0;
  private readonly next = createFreshReads(() => {
    this.reads += 1;
    return this.read();
  });

  constructor(
    private readonly url: string,
    private readonly dispatcher: Dispatcher | undefined,
    private readonly timeoutMs: number,
  ) {}

  /** A version read that started after this call. Rejects when the subgraph cannot say. */
  fresh(): Promise<string> {
    return this.next();
  }

  /** Reads made so far (for the benchmark's statements-per-request figures). */
  readCount(): number {
    return this.reads;
  }

  private async read(): Promise<string> {
    const response = await request(this.url, {
      method: 'GET',
      dispatcher: this.dispatcher,
      headersTimeout: this.timeoutMs,
      bodyTimeout: this.timeoutMs,
    });
    const body = (await response.body.json()) as { version?: unknown };
    if (response.statusCode !== 200 || typeof body.version !== 'string') {
      throw new Error(`data version answered ${response.statusCode}`);
    }
    return body.version;
  }
}

export function dataVersionUrl(graphqlUrl: string): string {
  return new URL(DATA_VERSION_PATH, graphqlUrl).toString();
}
