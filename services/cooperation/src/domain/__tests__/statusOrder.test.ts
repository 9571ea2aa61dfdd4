import { allowedNextStatuses, checkStatusChange } from '../statusOrder';

describe('the order of a decision status', () => {
  it.each([
    ['PROPOSED', 'IN_PROGRESS'],
    ['IN_PROGRESS', 'DONE'],
    ['UNKNOWN', 'PROPOSED'],
    ['UNKNOWN', 'IN_PROGRESS'],
    ['UNKNOWN', 'DONE'],
  ] as const)('allows %s → %s', (from, to) => {
    expect(() => checkStatusChange(from, to)).not.toThrow();
  });

  it.each([
    ['PROPOSED', 'DONE', 'the next allowed: IN_PROGRESS'],
    ['DONE', 'IN_PROGRESS', 'DONE is final'],
    ['IN_PROGRESS', 'PROPOSED', 'the next allowed: DONE'],
    ['IN_PROGRESS', 'IN_PROGRESS', 'it already has that status'],
    ['PROPOSED', 'UNKNOWN', 'the next allowed: IN_PROGRESS'],
    ['UNKNOWN', 'UNKNOWN', 'it already has that status'],
  ] as const)('refuses %s → %s with INVALID_STATUS_TRANSITION', (from, to, why) => {
    expect(() => checkStatusChange(from, to)).toThrow(why);
    try {
      checkStatusChange(from, to);
    } catch (error) {
      expect((error as { extensions: unknown }).extensions).toMatchObject({ code: 'INVALID_STATUS_TRANSITION', field: 'status', from, to });
    }
  });

  it('has nothing after DONE', () => {
    expect(allowedNextStatuses('DONE')).toEqual([]);
  });
});
