import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { composeSupergraph } from '../compose';
import { allSubgraphs, loadConfig } from '../config';
import { registrySdl } from '../registry/registrySdl';

/**
 * Writes gateway/registry.graphql and gateway/supergraph.graphql from the config and the subgraph SDL
 * each service wrote at build time (services/<name>/subgraph.graphql).
 */
const gatewayDir = resolve(__dirname, '..', '..');
const config = loadConfig();
const registry = registrySdl(config);
const subgraphs = allSubgraphs(config).map((subgraph) => {
  const path = join(gatewayDir, '..', 'services', subgraph.name, 'subgraph.graphql');
  let sdl: string;
  try {
    sdl = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`no SDL for subgraph "${subgraph.name}" at ${path}: build that service first`);
  }
  return { name: subgraph.name, url: subgraph.url, sdl };
});
const supergraph = composeSupergraph(config, registry, subgraphs);
writeFileSync(join(gatewayDir, 'registry.graphql'), registry);
writeFileSync(join(gatewayDir, 'supergraph.graphql'), `${supergraph}\n`);
process.stderr.write(`composed ${subgraphs.length + 1} subgraphs into gateway/supergraph.graphql\n`);
