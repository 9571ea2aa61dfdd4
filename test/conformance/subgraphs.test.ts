import { loadConfig } from '@nlf/gateway';
import { conformanceTests } from '@nlf/conformance/jest';
import { startTestFederation, type TestFederation } from '../harness/federation';

/** Every union subgraph of this repo passes the same suite an outside union runs against its own URL. */
const config = loadConfig();
let federation: TestFederation;

beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation?.stop());

for (const subgraph of config.subgraphs) {
  conformanceTests(
    () => ({
      url: federation.running.subgraphs[subgraph.name]!.url,
      typeName: subgraph.typeName,
      ids: subgraph.organisations.map((o) => o.id),
      gatewayKey: federation.keys.gateway.privateKey,
      subgraphName: subgraph.name,
    }),
    `subgraph ${subgraph.name} conforms to the contract`,
  );
}
