import { allSubgraphs, loadConfig } from '@nlf/gateway';
import { nextPort } from '../newUnion/scaffold';

const portOf = (url: string) => Number(new URL(url).port);

test('a new union gets a port that no entry of the config uses, the registry and extension subgraphs included', () => {
  const config = loadConfig();
  const used = [portOf(config.registry.url), ...allSubgraphs(config).map((s) => portOf(s.url))];
  expect(used).toContain(4106); // the cooperation subgraph, an extension subgraph
  expect(nextPort(config)).toBe(4107);
  expect(used).not.toContain(nextPort(config));
});

test('an extension subgraph on the highest port is passed too', () => {
  const config = loadConfig();
  const withHighExtension = {
    ...config,
    extensionSubgraphs: [...(config.extensionSubgraphs ?? []), { name: 'later', url: 'http://127.0.0.1:4190/graphql' }],
  };
  expect(nextPort(withHighExtension)).toBe(4191);
});
