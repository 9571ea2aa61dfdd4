import { join, relative } from 'node:path';
import { DEFAULT_CONFIG_PATH, loadConfig } from '@nlf/gateway';
import { REPO_ROOT } from '../layout';
import { NewUnionError, validateNewUnion } from './arguments';
import { scaffoldUnion } from './scaffold';

const USAGE = `usage: npm run new-union -- <id> "<Name>" <country> [--type <TypeName>]
  id        lowercase slug: service folder, subgraph name, organisation id (e.g. ostersjo)
  Name      the union's name in its own language (e.g. "Östersjöförbundet")
  country   NO, SE or DK
  --type    the subgraph's organisation type (default: the name in PascalCase, e.g. Ostersjoforbundet)
Writes services/<id> (a kit subgraph, a migration, its data file) and adds it to
gateway/federation.config.json; nothing else changes.`;

function main(argv: string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const typeIndex = argv.indexOf('--type');
  const typeName = typeIndex >= 0 ? argv[typeIndex + 1] : undefined;
  if (typeIndex >= 0 && !typeName) throw new NewUnionError('--type needs a value');
  const positional = typeIndex >= 0 ? argv.filter((_, i) => i !== typeIndex && i !== typeIndex + 1) : argv;
  if (positional.length > 3) throw new NewUnionError(`too many arguments (${positional.length}); quote a name with spaces: "Unionen Øst"`);
  const [id, name, country] = positional;
  const union = validateNewUnion({ id, name, country, typeName }, loadConfig());
  const result = scaffoldUnion(union, {
    root: REPO_ROOT,
    configPath: DEFAULT_CONFIG_PATH,
    tsconfigBase: join(REPO_ROOT, 'tsconfig.base.json'),
    gatewayPackage: join(REPO_ROOT, 'gateway', 'package.json'),
  });
  const rel = (path: string) => relative(REPO_ROOT, path);
  process.stdout.write(
    `created ${union.name} (${union.typeName}, ${union.country}) as subgraph "${union.id}" on ${result.entry.url}:\n` +
      result.files.map((f) => `  ${rel(f)}`).join('\n') +
      `\n  gateway/federation.config.json (entry added)\n  gateway/package.json (build order)\n\nnext:\n` +
      `  npm install                 link the new workspace\n` +
      `  npm run compose             build it and compose the supergraph with it\n` +
      `  npm start                   run the federation with it (migrated and seeded on first start)\n` +
      `  npx nlf-conformance ${result.entry.url} --type ${union.typeName} --ids ${union.id}\n` +
      `see docs/joining.md\n`,
  );
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`new-union: ${(error as Error).message}\n`);
  process.exitCode = error instanceof NewUnionError ? 2 : 1;
}
