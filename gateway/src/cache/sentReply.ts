import { REQUEST_ID_HEADER } from '@nlf/kit';
import type { FastifyReply } from 'fastify';

/** Headers of a kept reply that belong to one exchange only, never sent again. */
export const EXCHANGE_HEADERS: ReadonlySet<string> = new Set(['content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding', 'set-cookie', REQUEST_ID_HEADER]);

/**
 * A reply as it went out, serialised once, to be sent again as is: by the response cache to a later
 * identical request, by in-flight sharing to the requests that joined it, by the refusal memo.
 */
export interface SentReply {
  /** The serialised answer: every reuse sends the same bytes. */
  payload: Buffer;
  /** Its headers, without those of one exchange only (see replayableHeaders). */
  headers: Record<string, string>;
  /** Its HTTP status. Default: 200. */
  status?: number;
}

/** Headers of a reply that belong to one exchange only, never sent again. */
export function replayableHeaders(reply: FastifyReply, exchangeHeaders: ReadonlySet<string>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (typeof value === 'string' && !exchangeHeaders.has(name)) headers[name] = value;
  }
  return headers;
}
