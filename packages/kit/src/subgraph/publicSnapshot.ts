import type { Database } from '../db/database';
import type { Logger } from '../observability';
import { readDataVersion } from './dataVersion';
import type { Follower } from './dataVersionListener';
import { createFreshReads } from './freshReads';
import { parsePublicFacts, publicFactsStatement, type PublicFacts } from './publicFacts';

/**
 * How a read knows the snapshot is current, as the gateway's NLF_CACHE_FRESHNESS: "announced" follows
 * the versions PostgreSQL announces on commit (a read asks nobody; a commit counts from its
 * announcement, about a millisecond after it), "checked" reads the version for every request (no read
 * sees facts older than a commit made before it asked, at one statement per request, shared).
 */
export type SnapshotFreshness = 'announced' | 'checked';

/** Largest snapshot held by default: the seeded unions' are 17 to 77 kB of JSON (bench/notes.md, issue 17). */
export const DEFAULT_SNAPSHOT_MAX_BYTES = 16 * 1024 * 1024;
/** Oldest snapshot served by default: the age bands of a breakdown follow the calendar, not a commit. */
export const DEFAULT_SNAPSHOT_MAX_AGE_MS = 60 * 60 * 1000;
/** Least time between two attempts to follow the announcements again, after they stopped. */
const FOLLOW_RETRY_MS = 1000;

/** Where the snapshot comes from: the subgraph's database and its LISTEN connection (or a test's stand-in). */
export interface SnapshotSource {
  /** Every public fact in one statement, with the version it was read at; no facts when over `maxBytes`. */
  load(maxBytes: number): Promise<{ version: string; bytes: number; facts: PublicFacts | undefined }>;
  /** The data version now in the database. */
  version(): Promise<string | undefined>;
  /** Follows the announced versions; resolves once every later commit will be announced to `follower`. */
  follow(follower: Follower): Promise<() => void>;
}

export interface PublicSnapshotOptions {
  freshness: SnapshotFreshness;
  /** Largest snapshot held, in bytes of its JSON; a larger one is not kept and reads go to SQL. Default: DEFAULT_SNAPSHOT_MAX_BYTES. */
  maxBytes?: number;
  /** Oldest snapshot served. Default: DEFAULT_SNAPSHOT_MAX_AGE_MS. */
  maxAgeMs?: number;
  logger?: Logger;
  /** The clock, for tests. Default: Date.now. */
  now?: () => number;
}

export interface PublicSnapshotStats {
  /** Statements that read the facts. */
  loads: number;
  /** Bytes of the facts held now (0 when none, or when the last were over the bound). */
  bytes: number;
}

interface Loaded {
  version: string;
  bytes: number;
  /** Undefined when over the bound: reads go to SQL until the data changes. */
  facts: PublicFacts | undefined;
  /** The announcement count when the load started: no announcement since means nothing newer was committed. */
  epoch: number;
  loadedAt: number;
}

/**
 * The public facts of a union subgraph in memory, replaced when its data version changes. A read is
 * answered from memory only while the facts are current by the freshness rule; otherwise it waits for
 * a load that starts after it asked (createFreshReads), so it never gets facts older than a commit
 * announced (or, "checked", made) before it. Loads happen on demand, after a change, never for each
 * commit of a reseed. Only one snapshot is kept, plus the one being loaded: memory is at most twice
 * `maxBytes` of JSON as objects.
 */
export class PublicSnapshot {
  private loaded: Loaded | undefined;
  /** Changes with every announcement and every start or end of following. */
  private epoch = 0;
  private announced: string | undefined;
  private following = false;
  private followAttempt: Promise<void> | undefined;
  private lastFollowAttempt = -Infinity;
  private unfollow: (() => void) | undefined;
  private closed = false;
  private loads = 0;
  private warnedOversize: string | undefined;
  private readonly maxBytes: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;
  private readonly freshLoad: () => Promise<Loaded>;
  /** The load in flight, and the announcement count when it started. */
  private loading: { epoch: number; promise: Promise<Loaded> } | undefined;
  private readonly freshVersion: () => Promise<string | undefined>;

  constructor(
    private readonly source: SnapshotSource,
    private readonly options: PublicSnapshotOptions,
  ) {
    this.maxBytes = options.maxBytes ?? DEFAULT_SNAPSHOT_MAX_BYTES;
    this.maxAgeMs = options.maxAgeMs ?? DEFAULT_SNAPSHOT_MAX_AGE_MS;
    this.now = options.now ?? Date.now;
    this.freshLoad = createFreshReads(() => {
      const epoch = this.epoch;
      const loading = this.load(epoch).finally(() => {
        if (this.loading?.promise === loading) this.loading = undefined;
      });
      this.loading = { epoch, promise: loading };
      return loading;
    });
    this.freshVersion = createFreshReads(() => source.version());
    if (options.freshness === 'announced') this.followAgain();
  }

  /**
   * The facts for one request, or undefined when they are to be read by SQL (over the bound, or the
   * database did not answer the snapshot's statement: the SQL reads then fail or succeed as always).
   */
  async read(): Promise<PublicFacts | undefined> {
    try {
      if (this.options.freshness === 'announced') {
        if (this.following) {
          const loaded = this.loaded;
          if (loaded && this.current(loaded)) return loaded.facts;
          // A load that started after the last announcement sees every commit announced before this read.
          const loading = this.loading;
          if (loading && loading.epoch === this.epoch) return (await loading.promise).facts;
          // A commit was announced since (or nothing is loaded yet): a load that starts now sees it.
          return (await this.freshLoad()).facts;
        }
        // Not following yet, or the LISTEN connection was lost: as "checked" until following again.
        this.followAgain();
      }
      const version = await this.freshVersion();
      const known = this.loaded;
      if (version !== undefined && known && known.version === version && this.young(known)) return known.facts;
      return (await this.freshLoad()).facts;
    } catch (error) {
      this.options.logger?.warn({ err: error }, 'public snapshot unavailable; reading by SQL');
      return undefined;
    }
  }

  stats(): PublicSnapshotStats {
    return { loads: this.loads, bytes: this.loaded?.facts ? this.loaded.bytes : 0 };
  }

  close(): void {
    this.closed = true;
    this.unfollow?.();
    this.following = false;
  }

  private current(loaded: Loaded): boolean {
    return this.young(loaded) && (loaded.epoch === this.epoch || (this.announced !== undefined && loaded.version === this.announced));
  }

  private young(loaded: Loaded): boolean {
    return this.now() - loaded.loadedAt < this.maxAgeMs;
  }

  private async load(epoch: number): Promise<Loaded> {
    const startedAt = this.now();
    const { version, bytes, facts } = await this.source.load(this.maxBytes);
    this.loads += 1;
    if (!facts && this.warnedOversize !== version) {
      this.warnedOversize = version;
      this.options.logger?.warn({ bytes, maxBytes: this.maxBytes }, 'public facts over the snapshot bound; reading them by SQL');
    }
    const loaded: Loaded = { version, bytes, facts, epoch, loadedAt: startedAt };
    // Loads run one after another (createFreshReads): the last to end is the newest.
    this.loaded = loaded;
    return loaded;
  }

  /** Starts following the announcements, at most once a second while they cannot be followed. */
  private followAgain(): void {
    if (this.closed || this.following || this.followAttempt || this.now() - this.lastFollowAttempt < FOLLOW_RETRY_MS) return;
    this.lastFollowAttempt = this.now();
    this.followAttempt = this.source
      .follow({
        send: (version) => {
          this.epoch += 1;
          this.announced = version;
        },
        // Silence is never "unchanged": until following again, reads ask the database.
        end: () => {
          this.following = false;
          this.announced = undefined;
          this.epoch += 1;
        },
      })
      .then((unfollow) => {
        if (this.closed) return unfollow();
        this.unfollow = unfollow;
        this.following = true;
        // What was loaded before LISTEN was in place may miss a commit no one announced to us.
        this.epoch += 1;
      })
      .catch((error: unknown) => {
        this.options.logger?.warn({ err: error }, 'cannot follow the data version; the public snapshot checks it on every read');
      })
      .finally(() => {
        this.followAttempt = undefined;
      });
  }
}

/** The snapshot's source in a running subgraph: its database, and the LISTEN connection it shares with /data-version/events. */
export function databaseSnapshotSource(
  database: Database,
  listener: { follow(follower: Follower): Promise<() => void> },
): SnapshotSource {
  const metadata = database.orm.getMetadata();
  return {
    load: async (maxBytes) => {
      const rows: { version: string | null; bytes: number; body: string | null }[] = await database.orm.em.getConnection().execute(
        ...publicFactsStatement(metadata, maxBytes),
      );
      const row = rows[0];
      if (!row?.version) throw new Error('no data version row');
      const answer = { version: row.version, bytes: Number(row.bytes) };
      return { ...answer, facts: row.body === null ? undefined : parsePublicFacts(metadata, { ...answer, body: row.body }) };
    },
    version: () => readDataVersion(database),
    follow: (follower) => listener.follow(follower),
  };
}
