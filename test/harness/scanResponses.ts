import { findInternalText } from './internalText';

/**
 * Installed for every test file (jest setupFiles): each response a test receives from a server on
 * this machine, through the harness client or its own fetch, is scanned for internal text (SQL,
 * paths, stack frames, addresses, framework codes). A leak fails the request that received it, so
 * every request any test sends is also a test that nothing internal reaches a caller.
 */
const originalFetch = globalThis.fetch;

function isLocal(input: Parameters<typeof fetch>[0]): boolean {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  try {
    const { hostname } = new URL(url);
    return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
  } catch {
    return false;
  }
}

// Streams never end by themselves; the dashboard's script and style are code, not answers.
const UNSCANNED_TYPES = /^(?:text\/event-stream|text\/javascript|text\/css)/;

globalThis.fetch = async (input, init) => {
  const response = await originalFetch(input, init);
  if (!isLocal(input) || UNSCANNED_TYPES.test(response.headers.get('content-type') ?? '')) return response;
  const leak = findInternalText(await response.clone().text());
  if (leak) {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    throw new Error(`internal text (${leak.kind}) reached a caller of ${init?.method ?? 'GET'} ${url} (HTTP ${response.status}): …${leak.excerpt}…`);
  }
  return response;
};
