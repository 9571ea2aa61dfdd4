import { total } from '../registry/totals';

const figure = (low: number | null, high: number | null, estimate = false) => ({ low, high, estimate });

describe('total', () => {
  it('sums lows and highs of the reporting unions', () => {
    expect(total([
      { id: 'foa', figure: figure(5000, 5000, true) },
      { id: '3f', figure: figure(700, 800, true) },
    ])).toEqual({ low: 5700, high: 5800, reporting: 2, missing: [], unavailable: [], estimate: true });
  });

  it('has no high when a reporting union gives only a lower bound', () => {
    const result = total([{ id: 'lederne', figure: figure(17500, null) }, { id: 'x', figure: figure(10, 10) }]);
    expect(result.high).toBeNull();
    expect(result.low).toBe(17510);
  });

  it('has no high when a gateway leaves the null high out of the representation (Hive Gateway)', () => {
    const result = total([{ id: 'lederne', figure: { low: 17500, estimate: false } as never }, { id: 'x', figure: figure(10, 10) }]);
    expect(result).toMatchObject({ low: 17510, high: null, reporting: 2 });
  });

  it('counts a missing low as 0 but keeps the high', () => {
    expect(total([{ id: 'a', figure: figure(null, 100) }])).toMatchObject({ low: 0, high: 100, reporting: 1 });
  });

  it('lists unions without a figure as missing and unreachable ones as unavailable, never as 0', () => {
    const result = total([
      { id: 'ledarna', figure: null },
      { id: 'lederne', figure: undefined },
      { id: 'foa', figure: figure(5000, 5000) },
    ]);
    expect(result).toEqual({ low: 5000, high: 5000, reporting: 1, missing: ['ledarna'], unavailable: ['lederne'], estimate: false });
  });

  it('has no high when nothing reports', () => {
    expect(total([])).toEqual({ low: 0, high: null, reporting: 0, missing: [], unavailable: [], estimate: false });
  });
});
