import { DATA_VERSION_EVENTS_PATH } from '@nlf/kit';
import { createParser } from 'eventsource-parser';
import { request, type Dispatcher } from 'undici';

export interface DataVersionFeedOptions {
  /** The subgraph's /data-version/events URL. */
  url: string;
  dispatcher?: Dispatcher;
  /**
   * Longest silence before the stream is taken for dead (the subgraph sends a keep-alive every 5 s).
   * Default: 15 000 ms.
   */
  silenceMs?: number;
  /** Longest wait between attempts to reconnect. Default: 5 000 ms. */
  maxRetryMs?: number;
  /**
   * Most characters received without an event or keep-alive ending: more, and the stream is taken for
   * broken (a version is a few dozen characters), so a stream that never ends an event cannot grow the
   * parser's buffer without bound. Default: 65 536.
   */
  maxPendingChars?: number;
}

/**
 * Follows one subgraph's data version as the subgraph announces it. `current()` is a stamp of the
 * version last announced, or undefined whenever the stream is not open: a caller must then ask the
 * subgraph. Each connection gets a new epoch in the stamp, so nothing stamped before a gap in the
 * stream can match anything after it.
 */
export class DataVersionFeed {
  private version: string | undefined;
  private epoch = 0;
  private closed = false;
  private retryMs = 250;
  private abort: AbortController | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private announcements = 0;

  constructor(private readonly options: DataVersionFeedOptions) {
    void this.connect();
  }

  current(): string | undefined {
    return this.version === undefined ? undefined : `${this.epoch}:${this.version}`;
  }

  /** Versions announced so far, the first of each connection included. */
  announced(): number {
    return this.announcements;
  }

  close(): void {
    this.closed = true;
    this.version = undefined;
    clearTimeout(this.retryTimer);
    this.abort?.abort();
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const abort = new AbortController();
    this.abort = abort;
    const silenceMs = this.options.silenceMs ?? 15_000;
    try {
      const response = await request(this.options.url, {
        method: 'GET',
        dispatcher: this.options.dispatcher,
        headers: { accept: 'text/event-stream' },
        signal: abort.signal,
        headersTimeout: silenceMs,
        bodyTimeout: silenceMs,
      });
      if (response.statusCode !== 200) {
        await response.body.dump();
        throw new Error(`answered ${response.statusCode}`);
      }
      this.epoch += 1;
      response.body.setEncoding('utf8');
      const maxPendingChars = this.options.maxPendingChars ?? 65_536;
      let pending = 0;
      const parser = createParser({
        onEvent: (event) => {
          pending = 0;
          if (event.event === 'version' && event.data) this.receive(event.data);
        },
        onComment: () => {
          pending = 0;
        },
      });
      for await (const chunk of response.body) {
        pending += (chunk as string).length;
        parser.feed(chunk as string);
        if (pending > maxPendingChars) throw new Error(`sent ${pending} characters without ending an event`);
      }
    } catch {
      // Refused, reset, silent too long or closed: all mean the version is no longer known.
    } finally {
      this.version = undefined;
    }
    if (this.closed) return;
    this.retryTimer = setTimeout(() => void this.connect(), this.retryMs);
    this.retryTimer.unref();
    this.retryMs = Math.min(this.retryMs * 2, this.options.maxRetryMs ?? 5000);
  }

  private receive(version: string): void {
    this.version = version;
    this.announcements += 1;
    this.retryMs = 250;
  }
}

export function dataVersionEventsUrl(graphqlUrl: string): string {
  return new URL(DATA_VERSION_EVENTS_PATH, graphqlUrl).toString();
}
