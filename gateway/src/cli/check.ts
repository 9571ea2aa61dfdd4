import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACKNOWLEDGEMENTS_FILE, loadAcknowledgements } from '../check/acknowledgements';
import { GATEWAY_DIR, loadSubgraphSdls } from '../check/composeFederation';
import { formatCheck, runCheck } from '../check/runCheck';
import { loadConfig } from '../config';
import { readToolSettings } from '../settings';
import { parseArgs, sdlFiles } from './args';

const USAGE = `usage: npm run check -- [options]
Composes the supergraph from the config and compares it with the one clients have now.
  --against <git-ref>      compare with gateway/supergraph.graphql at this commit (default HEAD;
                           in CI use the target branch, e.g. origin/main)
  --base <file>            compare with this supergraph file instead
  --config <file>          federation config (default gateway/federation.config.json)
  --sdl <name>=<file>      SDL of one subgraph (default services/<name>/subgraph.graphql, else the
                           running subgraph's _service { sdl })
  --acknowledgements <f>   acknowledged breaking changes (default gateway/acknowledged-changes.json)
Exits 1 when the supergraph does not compose, a union departs from the contract, or a breaking
change is not acknowledged.`;

function baseSupergraph(options: Record<string, string[]>): { sdl: string; label: string } {
  const file = options.base?.[0];
  if (file) return { sdl: readFileSync(file, 'utf8'), label: file };
  const ref = options.against?.[0] ?? 'HEAD';
  try {
    const sdl = execFileSync('git', ['show', `${ref}:./supergraph.graphql`], { cwd: GATEWAY_DIR, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { sdl, label: `gateway/supergraph.graphql at ${ref}` };
  } catch {
    if (options.against) throw new Error(`cannot read gateway/supergraph.graphql at ${ref} from git`);
    return { sdl: readFileSync(join(GATEWAY_DIR, 'supergraph.graphql'), 'utf8'), label: 'gateway/supergraph.graphql (not in git)' };
  }
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { options } = parseArgs(argv, ['against', 'base', 'config', 'sdl', 'acknowledgements']);
  const config = loadConfig(options.config?.[0]);
  const subgraphs = await loadSubgraphSdls(config, { sdlFiles: sdlFiles(options.sdl), ...readToolSettings() });
  const base = baseSupergraph(options);
  const acknowledgementsPath = options.acknowledgements?.[0] ?? ACKNOWLEDGEMENTS_FILE;
  const result = await runCheck({ config, subgraphs, baseSupergraph: base.sdl, acknowledgements: loadAcknowledgements(acknowledgementsPath) });
  process.stdout.write(`Composed the registry and ${subgraphs.length} subgraphs; compared with ${base.label}.\n`);
  process.stdout.write(formatCheck(result, acknowledgementsPath));
  return result.passed ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`check: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
