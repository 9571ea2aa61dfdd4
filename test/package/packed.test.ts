import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '@nlf/stack';

/**
 * @nlf/schema as an outsider gets it: `npm pack`ed, unpacked into a project outside the repo whose
 * node_modules holds the package's non-ORM dependencies (linked from the repo, offline) and no MikroORM.
 */
const project = mkdtempSync(join(tmpdir(), 'nlf-outsider-'));
const modules = join(project, 'node_modules');
const schemaPackage = JSON.parse(readFileSync(join(REPO_ROOT, 'schema', 'package.json'), 'utf8'));

beforeAll(() => {
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', project], { cwd: join(REPO_ROOT, 'schema'), encoding: 'utf8' }));
  mkdirSync(join(modules, '@nlf', 'schema'), { recursive: true });
  execFileSync('tar', ['-xzf', join(project, packed.filename), '-C', join(modules, '@nlf', 'schema'), '--strip-components=1']);
  for (const dependency of Object.keys(schemaPackage.dependencies)) {
    mkdirSync(join(modules, dependency, '..'), { recursive: true });
    symlinkSync(join(REPO_ROOT, 'node_modules', dependency), join(modules, dependency));
  }
  symlinkSync(join(REPO_ROOT, 'node_modules', '@types'), join(modules, '@types'));
}, 60_000);
afterAll(() => rmSync(project, { recursive: true, force: true }));

const node = (code: string) => execFileSync(process.execPath, ['-e', code], { cwd: project, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

test('the package ships its build, the contract SDL and a README, and no tests or sources', () => {
  const files = execFileSync('find', ['.', '-type', 'f'], { cwd: join(modules, '@nlf', 'schema'), encoding: 'utf8' }).split('\n');
  expect(files).toEqual(expect.arrayContaining(['./contract.graphql', './README.md', './dist/contractKit.js', './dist/contractKit.d.ts', './dist/db/index.js', './dist/conformance/cli.js']));
  expect(files.filter((f) => f.includes('__tests__') || f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
});

test('the contract, the federation pieces and the conformance suite load without MikroORM', () => {
  const out = node(`
    const contract = require('@nlf/schema/contract');
    const { compareWithContract } = require('@nlf/schema/conformance');
    const sdl = require('fs').readFileSync(require.resolve('@nlf/schema/contract.graphql'), 'utf8');
    const own = sdl.replace('interface Organisation @key', 'type Ostersjo @key');
    console.log(JSON.stringify({
      code: contract.ErrorCode.PAGE_SIZE_EXCEEDED,
      header: contract.FEDERATION_LINK.startsWith('extend schema @link'),
      problems: compareWithContract(own, sdl, 'Ostersjo'),
      orm: (() => { try { require.resolve('@mikro-orm/core'); return 'found'; } catch { return 'absent'; } })(),
    }));`);
  expect(JSON.parse(out)).toEqual({ code: 'PAGE_SIZE_EXCEEDED', header: true, problems: [], orm: 'absent' });
});

test('the database helpers say what is missing when MikroORM is not installed', () => {
  expect(() => node("require('@nlf/schema/db')")).toThrow(/Cannot find module '@mikro-orm\//);
});

test('the exports are typed', () => {
  writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, skipLibCheck: true, experimentalDecorators: true, types: [] } }));
  writeFileSync(join(project, 'index.ts'), `
    import { ErrorCode, type Figure } from '@nlf/schema/contract';
    import { runConformance, type ConformanceReport } from '@nlf/schema/conformance';
    const code: 'INVALID_CURSOR' = ErrorCode.INVALID_CURSOR;
    const figure: Pick<Figure, 'low' | 'high'> = { low: 1, high: null };
    const run: (o: { url: string; typeName: string; ids: string[] }) => Promise<ConformanceReport> = runConformance;
    export { code, figure, run };
  `);
  execFileSync(process.execPath, [join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project], { cwd: project, encoding: 'utf8' });
});
