import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeFederation, formatFindings, GATEWAY_DIR, loadSubgraphSdls } from '../check/composeFederation';
import { loadConfig } from '../config';
import { readToolSettings } from '../settings';
import { parseArgs, sdlFiles } from './args';

const USAGE = `usage: npm run compose -- [options]
Composes the supergraph from the config and writes it (and the generated registry).
  --config <file>       federation config (default gateway/federation.config.json)
  --sdl <name>=<file>   SDL of one subgraph (default services/<name>/subgraph.graphql, else the
                        running subgraph's _service { sdl })
  --out <file>          supergraph file (default gateway/supergraph.graphql)
  --registry-out <file> registry SDL (default gateway/registry.graphql)
Exits 1, saying which subgraph must change what, when it does not compose.`;

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { options } = parseArgs(argv, ['config', 'sdl', 'out', 'registry-out']);
  const config = loadConfig(options.config?.[0]);
  const subgraphs = await loadSubgraphSdls(config, { sdlFiles: sdlFiles(options.sdl), ...readToolSettings() });
  const outcome = composeFederation(config, subgraphs);
  if (!outcome.ok) {
    process.stderr.write(formatFindings(outcome.findings));
    return 1;
  }
  const out = options.out?.[0] ?? join(GATEWAY_DIR, 'supergraph.graphql');
  writeFileSync(options['registry-out']?.[0] ?? join(GATEWAY_DIR, 'registry.graphql'), outcome.registry);
  writeFileSync(out, outcome.supergraph);
  for (const s of subgraphs) process.stderr.write(`  ${s.name}: ${s.origin}\n`);
  process.stderr.write(`composed the registry and ${subgraphs.length} subgraphs into ${out}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`compose: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
