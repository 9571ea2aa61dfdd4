import { createFreshReads } from '../freshReads';

describe('createFreshReads', () => {
  it('shares reads among callers, never with a read that started before the caller asked', async () => {
    let started = 0;
    const releases: (() => void)[] = [];
    const read = createFreshReads(() => {
      const n = (started += 1);
      return new Promise<number>((resolve) => releases.push(() => resolve(n)));
    });
    const first = read();
    // Arrive while read 1 is in flight: they share read 2, which starts when read 1 ends.
    const later = [read(), read(), read()];
    expect(started).toBe(1);
    releases[0]!();
    expect(await first).toBe(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toBe(2);
    releases[1]!();
    expect(await Promise.all(later)).toEqual([2, 2, 2]);
  });

  it('starts afresh after a failed read', async () => {
    let calls = 0;
    const read = createFreshReads(async () => {
      calls += 1;
      if (calls === 1) throw new Error('down');
      return calls;
    });
    await expect(read()).rejects.toThrow('down');
    expect(await read()).toBe(2);
  });
});
