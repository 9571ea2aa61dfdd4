/** Stable codes so callers (CLI, test harness) can react without parsing messages. */
export type PostgresLaunchErrorCode =
  | 'PG_INVALID_OPTIONS'
  | 'PG_DATA_DIR_NOT_ACCESSIBLE'
  | 'PG_BINARIES_NOT_ACCESSIBLE'
  | 'PG_DATA_DIR_IN_USE'
  | 'PG_STALE_INSTANCE_NOT_STOPPED'
  | 'PG_PORT_IN_USE'
  | 'PG_LOAD_FAILED'
  | 'PG_INIT_FAILED'
  | 'PG_START_FAILED'
  | 'PG_INVALID_DATABASE_NAME';

export class PostgresLaunchError extends Error {
  override readonly name = 'PostgresLaunchError';

  constructor(
    readonly code: PostgresLaunchErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Error codes from Node's system calls (ENOENT, EADDRINUSE...), without trusting the thrown value's shape. */
export function errnoCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return undefined;
}

export function reasonOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error === undefined) return 'no reason given';
  return String(error);
}
