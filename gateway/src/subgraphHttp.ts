import type { FetcherHeaders, FetcherResponse } from '@apollo/utils.fetcher';
import { errors, type Agent } from 'undici';
import type { SubgraphAnswer } from './sharing/sharedSubgraphCalls';

/**
 * One call to a subgraph with undici's `request`, its answer read whole. undici's `fetch` builds
 * WHATWG Request, Headers and AbortSignal objects for every call: in a CPU profile of the gateway
 * under load (bench/PROFILE.md) that was a fifth of its time. Timeouts are undici's own, on the
 * headers (the subgraph's work) and on the body.
 */
export async function callSubgraph(
  agent: Agent, target: URL, method: string, headers: Record<string, string>, body: string, timeoutMs: number,
): Promise<SubgraphAnswer> {
  const response = await agent.request({
    origin: target.origin,
    path: target.pathname + target.search,
    method: method as 'POST',
    headers,
    body,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  const answerHeaders: [string, string][] = [];
  for (const [name, value] of Object.entries(response.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) answerHeaders.push([name, one]);
  }
  return { status: response.statusCode, statusText: '', headers: answerHeaders, body: await response.body.text() };
}

/** Whether a failed call failed by taking too long. */
export function isTimeout(error: unknown): boolean {
  const candidates = [error, (error as { cause?: unknown })?.cause];
  return candidates.some(
    (candidate) =>
      candidate instanceof errors.HeadersTimeoutError ||
      candidate instanceof errors.BodyTimeoutError ||
      (candidate as Error | undefined)?.name === 'TimeoutError',
  );
}

class AnswerHeaders implements FetcherHeaders {
  private readonly map = new Map<string, string>();

  constructor(entries: [string, string][]) {
    for (const [name, value] of entries) this.append(name, value);
  }

  append(name: string, value: string): void {
    const key = name.toLowerCase();
    const current = this.map.get(key);
    this.map.set(key, current === undefined ? value : `${current}, ${value}`);
  }
  delete(name: string): void {
    this.map.delete(name.toLowerCase());
  }
  get(name: string): string | null {
    return this.map.get(name.toLowerCase()) ?? null;
  }
  has(name: string): boolean {
    return this.map.has(name.toLowerCase());
  }
  set(name: string, value: string): void {
    this.map.set(name.toLowerCase(), value);
  }
  entries(): Iterator<[string, string]> {
    return this.map.entries();
  }
  keys(): Iterator<string> {
    return this.map.keys();
  }
  values(): Iterator<string> {
    return this.map.values();
  }
  [Symbol.iterator](): Iterator<[string, string]> {
    return this.map.entries();
  }
}

/** An answer read whole, as the Fetch-like response @apollo/gateway's data source reads. */
export class AnswerResponse implements FetcherResponse {
  readonly redirected = false;
  readonly headers: FetcherHeaders;
  bodyUsed = false;

  constructor(
    readonly url: string,
    private readonly answer: SubgraphAnswer,
  ) {
    this.headers = new AnswerHeaders(answer.headers);
  }

  get status(): number {
    return this.answer.status;
  }
  get statusText(): string {
    return this.answer.statusText;
  }
  get ok(): boolean {
    return this.answer.status >= 200 && this.answer.status < 300;
  }
  async text(): Promise<string> {
    this.bodyUsed = true;
    return this.answer.body;
  }
  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }
  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = Buffer.from(await this.text());
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }
  clone(): FetcherResponse {
    return new AnswerResponse(this.url, this.answer);
  }
}
