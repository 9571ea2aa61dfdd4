import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  databaseName, ensureDatabase, ensureLocalKeys, findFreePort, keysEnvironment, REPO_ROOT, scaffoldUnion, startChild,
  validateNewUnion, waitForHttp, type Child, type ScaffoldResult,
} from '@nlf/stack';
import { loadConfig } from '@nlf/gateway';
import { harnessState } from './state';

export interface TestUnion {
  scaffold: ScaffoldResult;
  /** The copy of the federation config the union was added to. */
  configPath: string;
  url: string;
  child: Child;
  stop(): Promise<void>;
}

/**
 * A union made with `npm run new-union`'s scaffold in a scratch folder under .data/ (ignored by git,
 * inside the repo so the workspace's node_modules resolve), built, on its own database in the test
 * PostgreSQL, migrated, seeded and serving on a free port.
 */
export async function startScaffoldedUnion(
  args: { id: string; name: string; country: string },
  log: (line: string) => void = () => undefined,
  options: {
    /** Files written over the scaffold's, by path relative to its service folder, e.g. a src/index.ts with fields of its own. */
    files?: Record<string, string>;
    /** Environment of the union's process beyond the harness's. Default: none (a register of 150). */
    env?: Record<string, string>;
  } = {},
): Promise<TestUnion> {
  mkdirSync(join(REPO_ROOT, '.data'), { recursive: true });
  const root = mkdtempSync(join(REPO_ROOT, '.data', 'test-union-'));
  const configPath = join(root, 'federation.config.json');
  copyFileSync(join(REPO_ROOT, 'gateway', 'federation.config.json'), configPath);
  const union = validateNewUnion(args, loadConfig(configPath));
  const scaffold = scaffoldUnion(union, { root, configPath, tsconfigBase: join(REPO_ROOT, 'tsconfig.base.json') });
  for (const [path, text] of Object.entries(options.files ?? {})) writeFileSync(join(scaffold.serviceDir, path), text);
  // What the service's build script does: compile, then write subgraph.graphql.
  let sdl: string;
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(scaffold.serviceDir, 'tsconfig.json')], { stdio: 'pipe' });
    sdl = execFileSync(process.execPath, [join(scaffold.serviceDir, 'dist', 'index.js'), 'print-schema'], { encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    const { stdout, stderr } = error as { stdout?: Buffer | string; stderr?: Buffer | string };
    throw new Error(`the scaffolded union does not build: ${String(stdout ?? '')}${String(stderr ?? error)}`);
  }
  writeFileSync(join(scaffold.serviceDir, 'subgraph.graphql'), sdl);

  const sample = new URL(Object.values(harnessState().databaseUrls)[0]!);
  const connection = { host: sample.hostname, port: Number(sample.port), user: decodeURIComponent(sample.username), password: decodeURIComponent(sample.password) };
  await ensureDatabase(connection, databaseName(union.id));
  const databaseUrl = new URL(sample);
  databaseUrl.pathname = `/${databaseName(union.id)}`;

  const port = await findFreePort();
  const child = startChild({
    name: union.id,
    command: process.execPath,
    args: [join(scaffold.serviceDir, 'dist', 'index.js'), 'serve', '--migrate', '--seed-if-empty'],
    env: {
      ...process.env,
      ...keysEnvironment(await ensureLocalKeys(harnessState().keysDir)),
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: databaseUrl.toString(),
      NLF_REGISTER_SIZE: '150',
      ...options.env,
    },
    log,
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  await waitForHttp(`http://127.0.0.1:${port}/health`, child, 60_000);
  return {
    scaffold,
    configPath,
    url,
    child,
    stop: async () => {
      await child.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
