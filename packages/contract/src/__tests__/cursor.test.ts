import { InvalidCursorError } from '../errors';
import { decodeCursor, decodeSearchCursor, encodeCursor, encodeSearchCursor, keysetCursor, SEQUENCE_KEY } from '../cursor';

describe('cursor', () => {
  it('round-trips a member id', () => {
    expect(decodeCursor(encodeCursor('lederne-m0000042'))).toBe('lederne-m0000042');
  });

  it.each([
    ['not base64url', 'abc$%'],
    ['another prefix', Buffer.from('xx:lederne-m1').toString('base64url')],
    ['an id with SQL in it', Buffer.from("lm1:x' or 1=1 --").toString('base64url')],
    ['empty', ''],
    ['too long', 'a'.repeat(500)],
  ])('refuses a cursor that is %s with INVALID_CURSOR', (_name, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(InvalidCursorError);
    try {
      decodeCursor(cursor);
    } catch (error) {
      expect((error as InvalidCursorError).extensions.code).toBe('INVALID_CURSOR');
    }
  });
});

describe('search cursor', () => {
  it('round-trips a member id, and is not a leaderMembers cursor nor the other way round', () => {
    expect(decodeSearchCursor(encodeSearchCursor('lederne-m0000042'))).toBe('lederne-m0000042');
    expect(() => decodeSearchCursor(encodeCursor('lederne-m0000042'))).toThrow(InvalidCursorError);
    expect(() => decodeCursor(encodeSearchCursor('lederne-m0000042'))).toThrow(InvalidCursorError);
  });
});

describe('keysetCursor', () => {
  const events = keysetCursor('ev1:', SEQUENCE_KEY);

  it('round-trips a sequence number, and is no other kind of cursor nor the other way round', () => {
    expect(events.decode(events.encode('4711'))).toBe('4711');
    expect(() => events.decode(encodeCursor('4711'))).toThrow(InvalidCursorError);
    expect(() => decodeCursor(events.encode('4711'))).toThrow(InvalidCursorError);
  });

  it.each([['not a number', 'x1'], ['zero-padded', '007'], ['too large', '1'.repeat(19)]])('refuses a key that is %s', (_name, key) => {
    expect(() => events.decode(Buffer.from(`ev1:${key}`).toString('base64url'))).toThrow(InvalidCursorError);
  });
});
