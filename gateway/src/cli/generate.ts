import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeFederation, formatFindings, GATEWAY_DIR, loadSubgraphSdls } from '../check/composeFederation';
import { loadConfig } from '../config';
import { readToolSettings } from '../settings';

/**
 * The build step: writes gateway/registry.graphql and gateway/supergraph.graphql from the config and
 * the SDL each service wrote at build time (services/<name>/subgraph.graphql).
 */
async function generate(): Promise<void> {
  const config = loadConfig();
  const subgraphs = await loadSubgraphSdls(config, readToolSettings());
  const outcome = composeFederation(config, subgraphs);
  if (!outcome.ok) {
    process.stderr.write(formatFindings(outcome.findings));
    process.exit(1);
  }
  writeFileSync(join(GATEWAY_DIR, 'registry.graphql'), outcome.registry);
  writeFileSync(join(GATEWAY_DIR, 'supergraph.graphql'), outcome.supergraph);
  process.stderr.write(`composed ${subgraphs.length + 1} subgraphs into gateway/supergraph.graphql\n`);
}

generate().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
