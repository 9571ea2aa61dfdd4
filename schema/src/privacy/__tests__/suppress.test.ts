import { suppressSmallCells, type CountCell, type ProtectedBreakdown } from '../suppress';

const THRESHOLD = 5;
const cells = (...counts: number[]): CountCell[] => counts.map((count, i) => ({ key: `k${i}`, count }));

/**
 * Everything an attacker can derive: the hidden cells' sum is the published total minus the visible
 * cells, and each hidden cell holds at least one member. For n hidden cells summing to R, every value
 * from 1 to R - (n - 1) is possible for each of them (the others take the rest), and nothing else is.
 */
function possibleValues(published: ProtectedBreakdown): Map<string, { min: number; max: number }> {
  const hidden = published.cells.filter((cell) => cell.suppressed).map((cell) => cell.key);
  const visibleSum = published.cells.reduce((sum, cell) => sum + (cell.count ?? 0), 0);
  const result = new Map<string, { min: number; max: number }>();
  if (published.total === null) return result;
  const remaining = published.total - visibleSum;
  for (const key of hidden) result.set(key, { min: 1, max: remaining - (hidden.length - 1) });
  return result;
}

function expectUnrecoverable(input: CountCell[]): ProtectedBreakdown {
  const published = suppressSmallCells(input, THRESHOLD);
  for (const cell of published.cells) {
    if (!cell.suppressed) expect(cell.count).toBeGreaterThanOrEqual(THRESHOLD);
  }
  const truth = new Map(input.map((cell) => [cell.key, cell.count]));
  for (const [key, range] of possibleValues(published)) {
    const value = truth.get(key)!;
    expect(value).toBeGreaterThanOrEqual(range.min);
    expect(value).toBeLessThanOrEqual(range.max);
    // Not recoverable, and not even known to be small.
    expect(range.max).toBeGreaterThan(range.min);
    expect(range.max).toBeGreaterThanOrEqual(THRESHOLD);
  }
  return published;
}

describe('small-number suppression', () => {
  it('publishes a breakdown with no small cells as it is', () => {
    expect(suppressSmallCells(cells(10, 7, 5), THRESHOLD)).toEqual({
      total: 22,
      cells: [
        { key: 'k0', count: 10, suppressed: false },
        { key: 'k1', count: 7, suppressed: false },
        { key: 'k2', count: 5, suppressed: false },
      ],
    });
  });

  it('hides a second cell, so a lone small cell cannot be computed from the total', () => {
    const published = expectUnrecoverable(cells(40, 30, 1, 9));
    expect(published.cells.map((c) => c.suppressed)).toEqual([false, false, true, true]);
    expect(published.total).toBe(80);
  });

  it('hides more cells when the hidden ones would together still be small', () => {
    // 1 + 1 = 2: each would be known to be 1. With the 6 as well, each could hold up to 6.
    const published = expectUnrecoverable(cells(1, 1, 6, 50));
    expect(published.cells.map((c) => c.suppressed)).toEqual([true, true, true, false]);
  });

  it('does not let many ones be read off as ones', () => {
    const published = expectUnrecoverable(cells(1, 1, 1, 1, 1, 1, 1, 100));
    expect(published.cells.filter((c) => c.suppressed).length).toBeGreaterThanOrEqual(7);
  });

  it('hides the total too when there are fewer members than the threshold', () => {
    expect(suppressSmallCells(cells(2, 1), THRESHOLD)).toEqual({
      total: null,
      cells: [
        { key: 'k0', count: null, suppressed: true },
        { key: 'k1', count: null, suppressed: true },
      ],
    });
  });

  it('hides every cell when that is what it takes', () => {
    // 5 + 1: with both hidden, each could hold anything from 1 to 5.
    const published = expectUnrecoverable(cells(5, 1));
    expect(published).toEqual({ total: 6, cells: [{ key: 'k0', count: null, suppressed: true }, { key: 'k1', count: null, suppressed: true }] });
  });

  it('holds on every small table an attacker could craft', () => {
    // Every table of three cells with counts 1..9 (and a fourth of 1, 3 or 8): no hidden cell is ever recoverable.
    const counts = Array.from({ length: 9 }, (_, i) => i + 1);
    let checked = 0;
    for (const a of counts) for (const b of counts) for (const c of counts) {
      expectUnrecoverable(cells(a, b, c));
      for (const d of [1, 3, 8]) expectUnrecoverable(cells(a, b, c, d));
      checked += 4;
    }
    expect(checked).toBe(9 * 9 * 9 * 4);
  });

  it('refuses a threshold below 2', () => {
    expect(() => suppressSmallCells(cells(1), 1)).toThrow(RangeError);
  });
});
