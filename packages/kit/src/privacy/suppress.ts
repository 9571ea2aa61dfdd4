export interface CountCell {
  key: string;
  count: number;
}

export interface ProtectedCell {
  key: string;
  /** Null when suppressed. */
  count: number | null;
  suppressed: boolean;
}

export interface ProtectedBreakdown {
  /** Null when even the total would tell too much (fewer members than the threshold). */
  total: number | null;
  /** Empty when withheld. */
  cells: ProtectedCell[];
  /** True when no cell, not even a category's name, can be listed without telling a small count. */
  withheld: boolean;
}

/** A register's size as the public sees it: exact from the threshold up, else "fewer than threshold". */
export interface PublicSize {
  /** Null when the register is smaller than the threshold. */
  exact: number | null;
  /** The threshold when the register is smaller than it; else null. */
  fewerThan: number | null;
}

function checkThreshold(threshold: number): void {
  if (!Number.isInteger(threshold) || threshold < 2) throw new RangeError(`threshold must be an integer of at least 2, got ${threshold}`);
}

/**
 * The one rule every public count of a register follows (its size, the indicators, each breakdown's
 * total): a register smaller than the threshold is "fewer than threshold", never its exact size.
 */
export function publicSize(count: number, threshold: number): PublicSize {
  checkThreshold(threshold);
  return count < threshold ? { exact: null, fewerThan: threshold } : { exact: count, fewerThan: null };
}

/**
 * Small-number suppression for a one-way breakdown published with its total.
 * 1. Primary: a cell below the threshold is suppressed.
 * 2. Secondary: the suppressed cells' sum is known (total minus the visible cells), so more cells are
 *    suppressed, smallest first, until at least two are hidden and each hidden cell could hold at
 *    least `threshold` members (their sum minus one member for each of the others): no hidden cell
 *    can be recovered, nor even told to be small.
 * 3. The total follows publicSize (the register's size is public by the same rule, so hiding a
 *    breakdown's total protects nothing): shown from the threshold up, else null.
 * 4. When the cells still cannot be protected (every one hidden and their known sum too small), or
 *    the register is smaller than the threshold (then every cell is known to be small), no cell is
 *    listed at all: a category's name says it holds at least one member.
 * Every listed cell counts at least one member; categories without members are not listed.
 */
export function suppressSmallCells(cells: readonly CountCell[], threshold: number): ProtectedBreakdown {
  checkThreshold(threshold);
  const present = cells.filter((cell) => cell.count > 0);
  const total = present.reduce((sum, cell) => sum + cell.count, 0);
  const hidden = new Set(present.filter((cell) => cell.count < threshold).map((cell) => cell.key));
  const visibleBySize = present.filter((cell) => !hidden.has(cell.key)).sort((a, b) => a.count - b.count || a.key.localeCompare(b.key));

  const hiddenSum = () => present.reduce((sum, cell) => (hidden.has(cell.key) ? sum + cell.count : sum), 0);
  const protectedEnough = () => hidden.size === 0 || (hidden.size >= 2 && hiddenSum() - (hidden.size - 1) >= threshold);
  while (!protectedEnough() && visibleBySize.length) hidden.add(visibleBySize.shift()!.key);

  const size = publicSize(total, threshold);
  const withheld = size.exact === null || !protectedEnough();
  return {
    total: size.exact,
    withheld,
    cells: withheld
      ? []
      : present.map((cell) =>
          hidden.has(cell.key) ? { key: cell.key, count: null, suppressed: true } : { key: cell.key, count: cell.count, suppressed: false },
        ),
  };
}
