import { InvalidCursorError } from '../errors';

const PREFIX = 'lm1:';
const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,99}$/;

/** Opaque keyset cursor: the last id of a page, versioned so the format can change. */
export function encodeCursor(id: string): string {
  return Buffer.from(PREFIX + id, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  if (cursor.length > 200 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw new InvalidCursorError();
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(PREFIX)) throw new InvalidCursorError();
  const id = text.slice(PREFIX.length);
  if (!ID_PATTERN.test(id)) throw new InvalidCursorError();
  return id;
}
