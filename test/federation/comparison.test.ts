import { useTestFederation } from '../harness/federation';

const federation = useTestFederation();

describe('comparison', () => {
  it("totals the Danish table: 12 835–13 185 leader members, an estimate, from nine unions", async () => {
    const { data, errors } = await federation.query(`{
      comparison(country: DK) {
        id country
        organisations { id }
        leaderMemberCount { low high reporting missing unavailable estimate }
      }
    }`);
    expect(errors).toBeUndefined();
    expect(data.comparison.leaderMemberCount).toEqual({ low: 12835, high: 13185, reporting: 9, missing: [], unavailable: [], estimate: true });
    expect(data.comparison.organisations.map((o: { id: string }) => o.id)).toEqual([
      'foa', 'hk-kommunal', 'sl', 'teknisk-landsforbund', '3f', 'hk-stat', 'metal-elforbundet', 'faengselsforbundet', 'hk-trafik-jernbane',
    ]);
    expect(data.comparison).toMatchObject({ id: 'DK', country: 'DK' });
  });

  it('lists Norwegian unions without a figure as missing, never as 0, and has no high over a lower bound', async () => {
    const { data } = await federation.query(`{
      comparison(country: NO) {
        leaderMemberCount { low high reporting missing unavailable estimate }
        memberCount { low high reporting missing unavailable estimate }
      }
    }`);
    expect(data.comparison.leaderMemberCount).toEqual({
      low: 9700, high: 9700, reporting: 1, missing: ['lederne', 'fagforbundet'], unavailable: [], estimate: false,
    });
    // Lederne: "over 17 500" (no high); Fagforbundet: "omlag 345 000".
    expect(data.comparison.memberCount).toEqual({
      low: 362500, high: null, reporting: 2, missing: ['utdanningsforbundet'], unavailable: [], estimate: false,
    });
  });

  it('compares every union across countries when no country is given', async () => {
    const { data } = await federation.query(`{ comparison { id country organisations { id kind } leaderMemberCount { low high reporting missing } } }`);
    expect(data.comparison.id).toBe('ALL');
    expect(data.comparison.country).toBeNull();
    expect(data.comparison.organisations).toHaveLength(13);
    expect(data.comparison.organisations.every((o: { kind: string }) => o.kind === 'UNION')).toBe(true);
    expect(data.comparison.leaderMemberCount).toEqual({
      low: 22535, high: 22885, reporting: 10, missing: ['lederne', 'fagforbundet', 'ledarna'],
    });
  });
});
