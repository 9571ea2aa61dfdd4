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
  cells: ProtectedCell[];
}

/**
 * Small-number suppression for a one-way breakdown published with its total.
 * 1. Primary: a cell below the threshold is suppressed.
 * 2. Secondary: the suppressed cells' sum is known (total minus the visible cells), so more cells are
 *    suppressed, smallest first, until at least two are hidden and each hidden cell could hold at
 *    least `threshold` members (their sum minus one member for each of the others): no hidden cell
 *    can be recovered, nor even told to be small.
 * 3. If that needs every cell and still does not hold, the total is suppressed as well.
 * Every listed cell counts at least one member; categories without members are not listed.
 */
export function suppressSmallCells(cells: readonly CountCell[], threshold: number): ProtectedBreakdown {
  if (!Number.isInteger(threshold) || threshold < 2) throw new RangeError(`threshold must be an integer of at least 2, got ${threshold}`);
  const present = cells.filter((cell) => cell.count > 0);
  const total = present.reduce((sum, cell) => sum + cell.count, 0);
  const hidden = new Set(present.filter((cell) => cell.count < threshold).map((cell) => cell.key));
  const visibleBySize = present.filter((cell) => !hidden.has(cell.key)).sort((a, b) => a.count - b.count || a.key.localeCompare(b.key));

  const hiddenSum = () => present.reduce((sum, cell) => (hidden.has(cell.key) ? sum + cell.count : sum), 0);
  const protectedEnough = () => hidden.size === 0 || (hidden.size >= 2 && hiddenSum() - (hidden.size - 1) >= threshold);
  while (!protectedEnough() && visibleBySize.length) hidden.add(visibleBySize.shift()!.key);

  const totalHidden = total < threshold || !protectedEnough();
  return {
    total: totalHidden ? null : total,
    cells: present.map((cell) =>
      totalHidden || hidden.has(cell.key)
        ? { key: cell.key, count: null, suppressed: true }
        : { key: cell.key, count: cell.count, suppressed: false },
    ),
  };
}
