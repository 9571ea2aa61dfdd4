import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '@nlf/stack';

/**
 * The published packages as an outsider gets them: each `npm pack`ed and unpacked into a project
 * outside the repo, whose node_modules holds their third-party dependencies (linked from the repo,
 * offline) and no MikroORM. @nlf/schema is the alias of the packages it was split into, so what
 * outside unions already install (`@nlf/schema/contract`, `@nlf/schema/conformance/jest`, the
 * `nlf-conformance` command) keeps working.
 */
const PACKAGES = { '@nlf/contract': 'packages/contract', '@nlf/conformance': 'packages/conformance', '@nlf/kit': 'packages/kit', '@nlf/register': 'packages/register', '@nlf/schema': 'schema' };
type Name = keyof typeof PACKAGES;
const project = mkdtempSync(join(tmpdir(), 'nlf-outsider-'));
const modules = join(project, 'node_modules');
const manifest = (name: Name) => JSON.parse(readFileSync(join(REPO_ROOT, PACKAGES[name], 'package.json'), 'utf8'));
const installed = (name: Name) => join(modules, name);

beforeAll(() => {
  // Each third-party dependency at the version the package was built with: npm nests it under the
  // workspace when the repo's root holds another version (the contract's lru-cache).
  const thirdParty = new Map<string, string>();
  for (const name of Object.keys(PACKAGES) as Name[]) {
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', project], { cwd: join(REPO_ROOT, PACKAGES[name]), encoding: 'utf8' }));
    mkdirSync(installed(name), { recursive: true });
    execFileSync('tar', ['-xzf', join(project, packed.filename), '-C', installed(name), '--strip-components=1']);
    for (const dependency of Object.keys(manifest(name).dependencies ?? {})) {
      if (dependency.startsWith('@nlf/')) continue;
      const nested = join(REPO_ROOT, PACKAGES[name], 'node_modules', dependency);
      if (existsSync(nested)) thirdParty.set(dependency, nested);
      else if (!thirdParty.has(dependency)) thirdParty.set(dependency, join(REPO_ROOT, 'node_modules', dependency));
    }
  }
  for (const [dependency, source] of thirdParty) {
    mkdirSync(join(modules, dependency, '..'), { recursive: true });
    symlinkSync(source, join(modules, dependency));
  }
  symlinkSync(join(REPO_ROOT, 'node_modules', '@types'), join(modules, '@types'));
}, 120_000);
afterAll(() => rmSync(project, { recursive: true, force: true }));

const node = (code: string) => execFileSync(process.execPath, ['-e', code], { cwd: project, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const filesOf = (name: Name) => execFileSync('find', ['.', '-type', 'f'], { cwd: installed(name), encoding: 'utf8' }).trim().split('\n');

test('each package ships its build and a README, and no tests or sources; the contract and the alias ship the SDL', () => {
  for (const name of Object.keys(PACKAGES) as Name[]) {
    const files = filesOf(name);
    expect(files).toEqual(expect.arrayContaining(['./package.json', './README.md', './dist/index.js', './dist/index.d.ts']));
    expect(files.filter((f) => f.includes('__tests__') || (f.endsWith('.ts') && !f.endsWith('.d.ts')))).toEqual([]);
  }
  expect(filesOf('@nlf/contract')).toContain('./contract.graphql');
  expect(filesOf('@nlf/schema')).toEqual(expect.arrayContaining(['./contract.graphql', './dist/contract.js', './dist/db.js', './dist/conformanceJest.js', './dist/cli/conformance.js']));
  expect(readFileSync(join(installed('@nlf/schema'), 'contract.graphql'), 'utf8')).toBe(readFileSync(join(installed('@nlf/contract'), 'contract.graphql'), 'utf8'));
});

test('the contract and the conformance suite load without MikroORM, under their names and the alias', () => {
  const out = node(`
    const contract = require('@nlf/contract');
    const { compareWithContract } = require('@nlf/conformance');
    const sdl = require('fs').readFileSync(require.resolve('@nlf/contract/contract.graphql'), 'utf8');
    const own = sdl.replace('interface Organisation @key', 'type Ostersjo @key');
    console.log(JSON.stringify({
      code: contract.ErrorCode.PAGE_SIZE_EXCEEDED,
      header: contract.FEDERATION_LINK.startsWith('extend schema @link'),
      problems: compareWithContract(own, sdl, 'Ostersjo'),
      alias: require('@nlf/schema/contract').ErrorCode === contract.ErrorCode
        && require('@nlf/schema/conformance').compareWithContract === compareWithContract
        && require('@nlf/schema/conformance/jest').conformanceTests === require('@nlf/conformance/jest').conformanceTests
        && require('fs').readFileSync(require.resolve('@nlf/schema/contract.graphql'), 'utf8') === sdl,
      orm: (() => { try { require.resolve('@mikro-orm/core'); return 'found'; } catch { return 'absent'; } })(),
    }));`);
  expect(JSON.parse(out)).toEqual({ code: 'PAGE_SIZE_EXCEEDED', header: true, problems: [], alias: true, orm: 'absent' });
});

test('the published SDL is what the contract package prints from its classes', () => {
  const printed = execFileSync(process.execPath, [join(installed('@nlf/contract'), 'dist', 'cli', 'printContract.js')], { cwd: project, encoding: 'utf8' });
  expect(printed).toBe(readFileSync(join(installed('@nlf/contract'), 'contract.graphql'), 'utf8'));
  expect(printed).toContain('interface Organisation @key(fields: "id")');
});

test('nlf-conformance is the same command under @nlf/conformance and under the @nlf/schema alias', () => {
  const run = (name: Name) => {
    const bin = manifest(name).bin['nlf-conformance'];
    expect(existsSync(join(installed(name), bin))).toBe(true);
    return spawnSync(process.execPath, [join(installed(name), bin)], { cwd: project, encoding: 'utf8' });
  };
  const own = run('@nlf/conformance');
  const alias = run('@nlf/schema');
  // Without arguments it is bad usage: exit 2 and the usage text, from either name.
  expect(own.status).toBe(2);
  expect(own.stderr).toContain('usage: nlf-conformance <url> --type <TypeName>');
  expect({ status: alias.status, stderr: alias.stderr }).toEqual({ status: own.status, stderr: own.stderr });
});

test('the kit and the database helpers say what is missing when MikroORM is not installed', () => {
  expect(() => node("require('@nlf/kit/db')")).toThrow(/Cannot find module '@mikro-orm\//);
  expect(() => node("require('@nlf/schema/db')")).toThrow(/Cannot find module '@mikro-orm\//);
});

test('the exports are typed, under their names and the alias', () => {
  writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, skipLibCheck: true, experimentalDecorators: true, types: [] } }));
  writeFileSync(join(project, 'index.ts'), `
    import { ErrorCode, type Figure } from '@nlf/contract';
    import { runConformance, type ConformanceReport } from '@nlf/conformance';
    import { ErrorCode as AliasCode } from '@nlf/contract';
    import { runConformance as aliasRun } from '@nlf/conformance';
    const code: 'INVALID_CURSOR' = ErrorCode.INVALID_CURSOR;
    const same: typeof ErrorCode = AliasCode;
    const figure: Pick<Figure, 'low' | 'high'> = { low: 1, high: null };
    const run: (o: { url: string; typeName: string; ids: string[] }) => Promise<ConformanceReport> = runConformance;
    const alias: typeof runConformance = aliasRun;
    export { code, same, figure, run, alias };
  `);
  execFileSync(process.execPath, [join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project], { cwd: project, encoding: 'utf8' });
});
