import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { ancestorsOf } from './access.js';
import { errnoCode } from './errors.js';

// Folders the launcher makes itself get their modes set explicitly, whatever the umask: a folder it
// created must never be the reason the postgres user (as root) cannot reach its data.

function exists(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return false;
    throw error;
  }
}

/** Creates `dir` and any missing folder above it as 0755; folders that already exist keep their mode. */
export function makeReachableFolder(dir: string): void {
  for (const folder of [...ancestorsOf(dir), dir]) {
    if (exists(folder)) continue;
    mkdirSync(folder, { mode: 0o755 });
    chmodSync(folder, 0o755);
  }
}

/**
 * A folder only its owner may enter (the keys): 0700 on the folder itself, made so or tightened to it,
 * while the folders above it that the launcher creates stay reachable (0755).
 */
export function makePrivateFolder(dir: string): void {
  makeReachableFolder(ancestorsOf(dir).at(-1)!);
  if (!exists(dir)) mkdirSync(dir, { mode: 0o700 });
  chmodSync(dir, 0o700);
}
