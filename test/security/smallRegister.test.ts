import type { TestFederation } from '../harness/federation';
import { startFederationWithUnion, type UnionFederation } from '../harness/unionFederation';

/**
 * A union whose register is smaller than the suppression threshold (3 members, threshold 5): no public
 * field tells its size exactly, not the register, not the indicators, not a country's sum, not a
 * breakdown; each says "fewer than 5" or leaves it out, and the breakdowns list no category.
 */
let federation: TestFederation;
let running: UnionFederation;

beforeAll(async () => {
  running = await startFederationWithUnion({ id: 'smaled', name: 'Småleds Förbund', country: 'SE' }, undefined, { env: { NLF_REGISTER_SIZE: '3' } });
  federation = running.federation;
}, 240_000);
afterAll(() => running?.stop());

test('its size is public only as "fewer than 5", in every public field', async () => {
  const { data, errors } = await federation.query(`{
    organisation(id: "smaled") { register { leaderMemberCount leaderMemberCountFewerThan }
      indicators { registerLeaderMemberCount registerLeaderMemberCountFewerThan } }
    ledarna: organisation(id: "ledarna") { indicators { registerLeaderMemberCount } }
    indicators { countries { country registerLeaderMemberCount } } }`);
  expect(errors).toBeUndefined();
  expect(data.organisation.register).toEqual({ leaderMemberCount: null, leaderMemberCountFewerThan: 5 });
  expect(data.organisation.indicators).toEqual({ registerLeaderMemberCount: null, registerLeaderMemberCountFewerThan: 5 });
  // Sweden's sum counts Ledarna's register alone: the small one cannot be worked out from it.
  const sweden = data.indicators.countries.find((c: { country: string }) => c.country === 'SE');
  expect(sweden.registerLeaderMemberCount).toBe(data.ledarna.indicators.registerLeaderMemberCount);
});

test.each(['REGION', 'TITLE', 'JOINED_YEAR', 'AGE_BAND'])('its breakdown by %s shows no total and lists no category', async (by) => {
  const { data, errors } = await federation.query(
    `query($by: RegisterDimension!) { organisation(id: "smaled") { register { breakdown(by: $by) { threshold total withheld cells { key } } } } }`,
    { by },
    { as: { role: 'secretariat' } },
  );
  expect(errors).toBeUndefined();
  expect(data.organisation.register.breakdown).toEqual({ threshold: 5, total: null, withheld: true, cells: [] });
});

test('its own staff still count its members exactly, as personal data', async () => {
  const { data } = await federation.query(`{ organisation(id: "smaled") { leaderMembers(first: 0) { totalCount } } }`, {}, {
    as: { role: 'union-staff', org: 'smaled' },
  });
  expect(data.organisation.leaderMembers.totalCount).toBe(3);
});
