import { publicSize, suppressSmallCells, type CountCell, type ProtectedBreakdown, type PublicSize } from '../suppress';

const THRESHOLD = 5;
const cells = (...counts: number[]): CountCell[] => counts.map((count, i) => ({ key: `k${i}`, count }));

/**
 * Every public field of the schema about one register: its size (RegisterStats.leaderMemberCount and
 * leaderMemberCountFewerThan, the same in OrganisationIndicators, and the country sums built from
 * them) and each breakdown, with its total.
 */
interface PublicFields {
  size: PublicSize;
  breakdown: ProtectedBreakdown;
}

function publicFieldsOf(input: CountCell[]): PublicFields {
  const total = input.reduce((sum, cell) => sum + cell.count, 0);
  return { size: publicSize(total, THRESHOLD), breakdown: suppressSmallCells(input, THRESHOLD) };
}

/**
 * Everything an attacker who knows every public field can derive: the register's size bounds the
 * hidden cells' sum (exactly from the breakdown's total or the register's size, else "fewer than N"
 * bounds it from above), minus the visible cells; each listed cell holds at least one member. For n
 * hidden cells summing to at most R, every value from 1 to R - (n - 1) is possible for each of them.
 */
function possibleValues({ size, breakdown }: PublicFields): Map<string, { min: number; max: number }> {
  const hidden = breakdown.cells.filter((cell) => cell.suppressed).map((cell) => cell.key);
  const visibleSum = breakdown.cells.reduce((sum, cell) => sum + (cell.count ?? 0), 0);
  const result = new Map<string, { min: number; max: number }>();
  const known = breakdown.total ?? size.exact;
  const upper = known ?? size.fewerThan! - 1;
  if (breakdown.total !== null && size.exact !== null) expect(breakdown.total).toBe(size.exact);
  const remaining = upper - visibleSum;
  for (const key of hidden) result.set(key, { min: 1, max: remaining - (hidden.length - 1) });
  return result;
}

function expectUnrecoverable(input: CountCell[]): ProtectedBreakdown {
  const fields = publicFieldsOf(input);
  const published = fields.breakdown;
  for (const cell of published.cells) {
    if (!cell.suppressed) expect(cell.count).toBeGreaterThanOrEqual(THRESHOLD);
  }
  const truth = new Map(input.map((cell) => [cell.key, cell.count]));
  // A register smaller than the threshold is never shown exactly, anywhere.
  const total = input.reduce((sum, cell) => sum + cell.count, 0);
  if (total < THRESHOLD) expect([fields.size.exact, published.total]).toEqual([null, null]);
  for (const [key, range] of possibleValues(fields)) {
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
      withheld: false,
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

  it('hides the total, and lists no cell, when there are fewer members than the threshold', () => {
    // The register's public size says "fewer than 5": any listed cell would be known to be small.
    expect(expectUnrecoverable(cells(2, 1))).toEqual({ total: null, withheld: true, cells: [] });
    expect(publicSize(3, THRESHOLD)).toEqual({ exact: null, fewerThan: THRESHOLD });
    expect(publicSize(5, THRESHOLD)).toEqual({ exact: 5, fewerThan: null });
  });

  it('lists no cell when even all of them hidden would be known small, as the public size gives their sum', () => {
    // 4 + 1 = 5 is public as the register's size: both hidden, each could hold only 1 to 4.
    expect(expectUnrecoverable(cells(4, 1))).toEqual({ total: 5, withheld: true, cells: [] });
  });

  it('hides every cell when that is what it takes', () => {
    // 5 + 1: with both hidden, each could hold anything from 1 to 5.
    const published = expectUnrecoverable(cells(5, 1));
    expect(published).toEqual({ total: 6, withheld: false, cells: [{ key: 'k0', count: null, suppressed: true }, { key: 'k1', count: null, suppressed: true }] });
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
