import type { EntityManager } from '@mikro-orm/postgresql';
import { entityLoaders, groupBy } from '../entityLoaders';

interface Row {
  id: string;
  groupId: string;
}

const ROWS: Row[] = [
  { id: 'a', groupId: 'g1' },
  { id: 'b', groupId: 'g2' },
  { id: 'c', groupId: 'g1' },
];

/** An entity manager that answers `$in` filters from ROWS and records every find it is asked. */
function fakeEntityManager() {
  const calls: { where: Record<string, { $in: string[] }>; options: Record<string, unknown> }[] = [];
  const em = {
    find: async (_entity: unknown, where: Record<string, { $in: string[] }>, options: Record<string, unknown>) => {
      calls.push({ where, options });
      const [[column, { $in }]] = Object.entries(where) as [[keyof Row, { $in: string[] }]];
      return ROWS.filter((row) => $in.includes(row[column]));
    },
  };
  return { em: em as unknown as EntityManager, calls };
}

describe('groupBy', () => {
  it('gives one list per asked key, in the order asked, empty where no row matched', () => {
    expect(groupBy(ROWS, (row) => row.groupId, ['g2', 'none', 'g1'])).toEqual([[ROWS[1]], [], [ROWS[0], ROWS[2]]]);
  });
});

describe('entityLoaders', () => {
  it('reads every id asked in the same tick with one query, null for an id with no row', async () => {
    const { em, calls } = fakeEntityManager();
    const { byId } = entityLoaders(em);
    const loader = byId<Row>('Row');
    expect(await Promise.all([loader.load('c'), loader.load('x'), loader.load('a')])).toEqual([ROWS[2], null, ROWS[0]]);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.where).toEqual({ id: { $in: ['c', 'x', 'a'] } });
  });

  it('lists rows by a column with one query, in the order given, through the identity map unless fresh', async () => {
    const { em, calls } = fakeEntityManager();
    const lists = entityLoaders(em).listBy<Row>('Row', 'groupId', { id: 'asc' });
    expect(await Promise.all([lists.load('g1'), lists.load('g2'), lists.load('g3')])).toEqual([[ROWS[0], ROWS[2]], [ROWS[1]], []]);
    expect(calls).toEqual([{ where: { groupId: { $in: ['g1', 'g2', 'g3'] } }, options: { orderBy: { id: 'asc' } } }]);

    const fresh = fakeEntityManager();
    await entityLoaders(fresh.em, { fresh: true }).listBy<Row>('Row', 'groupId', { id: 'asc' }).load('g1');
    expect(fresh.calls[0]!.options).toEqual({ orderBy: { id: 'asc' }, disableIdentityMap: true });
  });
});
