import { loadConfig } from '../config';
import { composeSupergraph } from '../compose';
import { registrySdl, requiresSelection } from '../registry/registrySdl';

describe('generated registry', () => {
  const config = loadConfig();
  const sdl = registrySdl(config);

  it('lists every subgraph type as an Organisation with only the key resolved locally', () => {
    expect(sdl).toContain('type LoDenmark implements Organisation @key(fields: "id")');
    expect(sdl).toMatch(/\n\s+id: ID!\n/);
    expect(sdl).not.toContain('id: ID! @external');
    expect(sdl).toContain('leaderMemberCount: Figure @external');
    expect(sdl).toContain('leaderMembers(first: Int = 20, after: String): LeaderMemberConnection @external');
  });

  it('requires each figure, with the name that says the subgraph answered, through one inline fragment per organisation type', () => {
    expect(requiresSelection(config, 'leaderMemberCount')).toBe(
      'organisations { ... on Lederne { name leaderMemberCount { low high estimate } } ' +
        '... on Utdanningsforbundet { name leaderMemberCount { low high estimate } } ' +
        '... on Fagforbundet { name leaderMemberCount { low high estimate } } ' +
        '... on Ledarna { name leaderMemberCount { low high estimate } } ' +
        '... on LoDenmark { name leaderMemberCount { low high estimate } } }',
    );
  });

  it('does not compose when a subgraph in the config is missing from the subgraphs', () => {
    expect(() => composeSupergraph(config, sdl, [])).toThrow(/does not compose/);
  });
});
