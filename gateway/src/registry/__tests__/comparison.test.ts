import { graphql } from 'graphql';
import { loadConfig } from '../../config';
import { buildRegistrySchema } from '../registrySchema';

// The registry is called as any router calls it: `_entities` with the @requires representations.
const schema = buildRegistrySchema(loadConfig());
const TOTAL = '{ low high reporting missing unavailable estimate }';

async function resolveEntity(representation: Record<string, unknown>, selection: string) {
  const result = await graphql({
    schema,
    source: `query ($representations: [_Any!]!) { _entities(representations: $representations) { ${selection} } }`,
    variableValues: { representations: [representation] },
  });
  expect(result.errors).toBeUndefined();
  return (result.data as { _entities: Record<string, unknown>[] })._entities[0]!;
}

const figure = (low: number, high: number | null) => ({ low, high, estimate: false });

describe("the registry's comparison over @requires representations", () => {
  // Norway's unions in the config's order: lederne, utdanningsforbundet, fagforbundet.
  const norway = (organisations: unknown[]) => ({ __typename: 'Comparison', id: 'NO', organisations });

  it('lists a union whose subgraph answered without the figure as missing, whether the router sent null or left it out (Hive Gateway)', async () => {
    const withNull = await resolveEntity(
      norway([{ name: 'Lederne', leaderMemberCount: null }, { name: 'Utdanningsforbundet', leaderMemberCount: figure(9700, 9700) }, { name: 'Fagforbundet', leaderMemberCount: null }]),
      `... on Comparison { leaderMemberCount ${TOTAL} }`,
    );
    const leftOut = await resolveEntity(
      norway([{ name: 'Lederne' }, { name: 'Utdanningsforbundet', leaderMemberCount: figure(9700, 9700) }, { name: 'Fagforbundet' }]),
      `... on Comparison { leaderMemberCount ${TOTAL} }`,
    );
    const expected = { low: 9700, high: 9700, reporting: 1, missing: ['lederne', 'fagforbundet'], unavailable: [], estimate: false };
    expect(withNull.leaderMemberCount).toEqual(expected);
    expect(leftOut.leaderMemberCount).toEqual(expected);
  });

  it('lists a union whose subgraph did not answer (no name, or no entry at all) as unavailable, never as 0', async () => {
    const entity = await resolveEntity(
      norway([{}, { name: 'Utdanningsforbundet', memberCount: figure(100, 200) }, null]),
      `... on Comparison { memberCount ${TOTAL} }`,
    );
    expect(entity.memberCount).toEqual({ low: 100, high: 200, reporting: 1, missing: [], unavailable: ['lederne', 'fagforbundet'], estimate: false });
  });

  it('treats a figure left out of the indicators of a subgraph that answered as not reported, in the country indicators too', async () => {
    const counts = { registerLeaderMemberCount: 1000, councilCount: 1, forumCount: 2 };
    const entity = await resolveEntity(
      {
        __typename: 'CountryIndicators',
        id: 'NO',
        organisations: [{ indicators: counts }, { indicators: { ...counts, leaderMemberCount: figure(9700, 9700) } }, {}],
      },
      `... on CountryIndicators { leaderMemberCount ${TOTAL} unavailable councilCount }`,
    );
    expect(entity).toEqual({
      leaderMemberCount: { low: 9700, high: 9700, reporting: 1, missing: ['lederne'], unavailable: ['fagforbundet'], estimate: false },
      unavailable: ['fagforbundet'],
      councilCount: 2,
    });
  });
});
