/**
 * Text that only a server's insides produce: a caller must never read any of it, whatever it sent.
 * Each pattern names what it found, so a failing test says which kind of leak it is.
 */
const INTERNAL_TEXT: readonly { kind: string; pattern: RegExp }[] = [
  // MikroORM/knex statements quote every identifier; PostgreSQL's own messages name relations so.
  // Quotes may come escaped (\") inside a JSON body.
  { kind: 'SQL statement', pattern: /\b(?:select|insert into|update|delete from)\s+(?:\\?"|\*\s+from\s+\\?")/i },
  { kind: 'SQL statement', pattern: /\b(?:from|join)\s+\\?"\w+\\?"\s+as\s+\\?"\w+\\?"/i },
  { kind: 'database message', pattern: /\b(?:relation|column) \\?"[^"\\]+\\?" does not exist|invalid message format|violates (?:check|foreign key|unique) constraint/i },
  { kind: 'stack frame', pattern: /\bat (?:async )?[\w$.<> ]*\(?[\w/.:-]+\.(?:ts|js|mjs|cjs):\d+:\d+\)?/ },
  { kind: 'stack frame', pattern: /[\w/.-]+\.(?:ts|js|mjs|cjs):\d+(?::\d+)?\b/ },
  { kind: 'file path', pattern: /\/node_modules\/|file:\/\/\/|\/(?:dist|src)\/[\w/.-]+\.(?:ts|js|mjs|cjs)\b/ },
  { kind: 'address', pattern: /\b127\.0\.0\.1:\d+|\blocalhost:\d+|\[::1\]:\d+/ },
  { kind: 'framework code', pattern: /\bE(?:CONNREFUSED|CONNRESET|TIMEDOUT|PIPE|NOTFOUND|ADDRINUSE|HOSTUNREACH)\b|\bUND_ERR_[A-Z_]+|\bFST_[A-Z_]+|\bERR_[A-Z_]{3,}/ },
  { kind: 'stack trace', pattern: /"stacktrace"|\n\s+at [\w$.<>]+ \(/ },
];

/** What kind of internal text `body` holds, with the matching excerpt; undefined when none. */
export function findInternalText(body: string): { kind: string; excerpt: string } | undefined {
  for (const { kind, pattern } of INTERNAL_TEXT) {
    const match = pattern.exec(body);
    if (match) {
      const from = Math.max(0, match.index - 80);
      return { kind, excerpt: body.slice(from, match.index + match[0].length + 80) };
    }
  }
  return undefined;
}
