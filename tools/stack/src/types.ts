export interface PostgresOptions {
  /** Data directory (created and initdb'd on first use). */
  dataDir: string;
  /** TCP port on 127.0.0.1. */
  port: number;
  /** Default 'postgres'. */
  user?: string;
  /** Default 'postgres'. Only applied by initdb: an existing cluster keeps its password. */
  password?: string;
  /**
   * As root, when the postgres user cannot enter a folder above `dataDir`, keep the data in a folder
   * derived from its path under /var/lib/nordic-leaders-federation instead (for the default data
   * directory; one the user named is reported instead). Binaries the postgres user cannot reach are
   * copied there whatever this says. Default: false.
   */
  relocateWhenBlocked?: boolean;
  /** Called with one human-readable line per step (init, start, stale instance stopped...). Default: no output. */
  log?: (line: string) => void;
  /** PostgreSQL's and initdb's own output, line by line (chatty). Default: dropped; the last lines still appear in launch errors. */
  postgresLog?: (line: string) => void;
}

export interface RunningPostgres {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  readonly dataDir: string;
  /** The postmaster's PID (from postmaster.pid). */
  readonly pid: number;
  /** postgres://user:password@127.0.0.1:port/db */
  url(database: string): string;
  /** Idempotent: creates the database when it does not exist. Names: lowercase letters, digits, underscores. */
  ensureDatabase(name: string): Promise<void>;
  /** Drops it if it exists, ending its open sessions (for tests / reseeding). */
  dropDatabase(name: string): Promise<void>;
  /** Idempotent fast shutdown; SIGKILL after 10 s. */
  stop(): Promise<void>;
}

/** Options with defaults applied and the data dir made absolute. */
export interface Settings {
  dataDir: string;
  port: number;
  user: string;
  password: string;
  log: (line: string) => void;
}
