import DataLoader from 'dataloader';
import { RegisterDimension } from '@nlf/contract';
import type { PublicFacts } from '../publicFacts';
import { snapshotPublicLoaders, type PublicLoaders } from '../publicLoaders';

const council = { id: 'c1', organisationId: 'lederne', name: 'Hovedstyret' } as never;
const FACTS: PublicFacts = {
  version: 'v1',
  bytes: 100,
  organisations: new Map([['lederne', { id: 'lederne', name: 'Lederne' } as never]]),
  lists: { councils: new Map([['lederne', [council]]]), councilMembers: new Map(), forums: new Map(), branches: new Map(), sections: new Map() },
  registers: new Map([['lederne', { synthetic: true, leaderMemberCount: 40 }]]),
  breakdowns: new Map([['REGION|lederne', [{ key: 'Oslo', count: 40 }]]]),
};

/** Loaders standing for the SQL ones: each records the keys it was asked. */
function sqlStandIns() {
  const asked: string[] = [];
  const loader = <K, V>(name: string, value: V) =>
    new DataLoader<K, V, string>(async (keys) => {
      asked.push(...keys.map((key) => `${name}:${JSON.stringify(key)}`));
      return keys.map(() => value);
    }, { cacheKeyFn: (key) => JSON.stringify(key) });
  const loaders = {
    organisation: loader('organisation', { id: 'from-sql' }),
    councils: loader('councils', []),
    councilMembers: loader('councilMembers', []),
    forums: loader('forums', []),
    branches: loader('branches', []),
    sections: loader('sections', []),
    register: loader('register', { synthetic: false, leaderMemberCount: 1 }),
    breakdown: loader('breakdown', []),
  } as unknown as PublicLoaders;
  return { loaders, asked };
}

describe('snapshotPublicLoaders', () => {
  it('answers from the facts, and never asks SQL', async () => {
    const sql = sqlStandIns();
    const loaders = snapshotPublicLoaders(async () => FACTS, sql.loaders);
    expect(await loaders.organisation.load('lederne')).toEqual({ id: 'lederne', name: 'Lederne' });
    expect(await loaders.organisation.load('foa')).toBeNull();
    expect(await loaders.councils.load('lederne')).toEqual([council]);
    expect(await loaders.forums.load('lederne')).toEqual([]);
    expect(await loaders.register.load('lederne')).toEqual({ synthetic: true, leaderMemberCount: 40 });
    expect(await loaders.register.load('lo')).toBeNull();
    expect(await loaders.breakdown.load({ organisationId: 'lederne', dimension: RegisterDimension.REGION })).toEqual([{ key: 'Oslo', count: 40 }]);
    expect(await loaders.breakdown.load({ organisationId: 'lederne', dimension: RegisterDimension.TITLE })).toEqual([]);
    expect(sql.asked).toEqual([]);
  });

  it('reads by SQL when the request has no facts (over the bound, or the snapshot unavailable)', async () => {
    const sql = sqlStandIns();
    const loaders = snapshotPublicLoaders(async () => undefined, sql.loaders);
    expect(await loaders.organisation.load('lederne')).toEqual({ id: 'from-sql' });
    expect(await loaders.register.load('lederne')).toEqual({ synthetic: false, leaderMemberCount: 1 });
    expect(sql.asked).toEqual(['organisation:"lederne"', 'register:"lederne"']);
  });
});
