import { useTestFederation } from '../harness/federation';

const federation = useTestFederation();

const BREAKDOWN = `query($id: ID!, $by: RegisterDimension!) {
  organisation(id: $id) { register { leaderMemberCount leaderMemberCountFewerThan breakdown(by: $by) { dimension threshold total withheld cells { key count suppressed } } } }
}`;

describe('register breakdowns', () => {
  it.each(['REGION', 'TITLE', 'JOINED_YEAR', 'AGE_BAND', 'BRANCH'])('by %s show no count below 5 and let none be worked out', async (by) => {
    const { data, errors } = await federation.query(BREAKDOWN, { id: 'lederne', by }, { as: { role: 'secretariat' } });
    expect(errors).toBeUndefined();
    const { register } = data.organisation;
    const breakdown = register.breakdown;
    expect(breakdown).toMatchObject({ dimension: by, threshold: 5, total: 1000, withheld: false });
    // The register's public size follows the same rule: exact, as it is far above the threshold.
    expect(register).toMatchObject({ leaderMemberCount: 1000, leaderMemberCountFewerThan: null });
    const hidden = breakdown.cells.filter((cell: { suppressed: boolean }) => cell.suppressed);
    const visible = breakdown.cells.filter((cell: { suppressed: boolean }) => !cell.suppressed);
    for (const cell of visible) expect(cell.count).toBeGreaterThanOrEqual(5);
    for (const cell of hidden) expect(cell.count).toBeNull();
    if (hidden.length) {
      const hiddenSum = breakdown.total - visible.reduce((sum: number, cell: { count: number }) => sum + cell.count, 0);
      expect(hidden.length).toBeGreaterThanOrEqual(2);
      expect(hiddenSum - (hidden.length - 1)).toBeGreaterThanOrEqual(5);
    }
  });

  it('suppress the small years in which few of the synthetic members joined', async () => {
    const { data } = await federation.query(BREAKDOWN, { id: 'ledarna', by: 'JOINED_YEAR' }, { as: { role: 'union-staff', org: 'foa' } });
    expect(data.organisation.register.breakdown.cells.some((cell: { suppressed: boolean }) => cell.suppressed)).toBe(true);
  });

  it('are refused to anonymous callers', async () => {
    const { data, errors } = await federation.query(BREAKDOWN, { id: 'lederne', by: 'REGION' });
    expect(data.organisation.register).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
