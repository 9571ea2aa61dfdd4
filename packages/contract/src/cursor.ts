import { InvalidCursorError } from './errors';

const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,99}$/;

/** Opaque keyset cursor: a versioned kind prefix and the last key of a page. */
function encode(prefix: string, key: string): string {
  return Buffer.from(prefix + key, 'utf8').toString('base64url');
}

function decode(prefix: string, cursor: string, valid: RegExp): string {
  if (cursor.length > 200 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw new InvalidCursorError();
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(prefix)) throw new InvalidCursorError();
  const key = text.slice(prefix.length);
  if (!valid.test(key)) throw new InvalidCursorError();
  return key;
}

/** A cursor of one kind of its own (its prefix) over keys that `valid` accepts, for a subgraph's own pages. */
export function keysetCursor(prefix: string, valid: RegExp): { encode(key: string): string; decode(cursor: string): string } {
  return { encode: (key) => encode(prefix, key), decode: (cursor) => decode(prefix, cursor, valid) };
}

/** Keys of a bigserial column, as a cursor over a log read newest first carries them. */
export const SEQUENCE_KEY = /^[1-9][0-9]{0,17}$/;

/** Cursor over leader members: the last member id. */
export const encodeCursor = (id: string): string => encode('lm1:', id);
export const decodeCursor = (cursor: string): string => decode('lm1:', cursor, ID_PATTERN);

/** Cursor over the results of a member search (ordered by id too): the last member id. */
export const encodeSearchCursor = (id: string): string => encode('ls1:', id);
export const decodeSearchCursor = (cursor: string): string => decode('ls1:', cursor, ID_PATTERN);

/** Cursor over the personal-data access log (newest first): the last entry's sequence number. */
export const encodeLogCursor = (sequence: string): string => encode('pa1:', sequence);
export const decodeLogCursor = (cursor: string): string => decode('pa1:', cursor, SEQUENCE_KEY);
