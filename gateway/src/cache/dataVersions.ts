import type { Dispatcher } from 'undici';
import { DataVersionFeed, dataVersionEventsUrl } from './dataVersionFeed';
import { DataVersionProbe, dataVersionUrl } from './dataVersionProbe';

/** Data version stamp of every subgraph an answer used, read before it was computed. */
export type Stamps = ReadonlyMap<string, string>;

export interface DataVersionsOptions {
  /** Subgraph name → GraphQL URL of every subgraph whose data can change, looked up on every use. */
  subgraphUrls: () => Record<string, string>;
  dispatcher?: Dispatcher;
  /** How long a version read may take. */
  timeoutMs: number;
  /** Follow each subgraph's announced versions ("announced"), or read them on every use ("checked"). */
  announced: boolean;
}

/**
 * The data versions of the subgraphs, as stamps a kept answer carries and a later read compares:
 * announced where the subgraph's stream is open, else read after the caller asked. A stamp also
 * carries how many mutations through this gateway used the subgraph, so what was stamped before a
 * mutation cannot match after it, even before the subgraph's announcement arrives.
 */
export function createDataVersions(options: DataVersionsOptions) {
  const sources = new Map<string, { url: string; probe: DataVersionProbe; feed?: DataVersionFeed }>();
  const sourceFor = (name: string) => {
    const url = options.subgraphUrls()[name];
    if (!url) return undefined;
    let known = sources.get(name);
    if (!known || known.url !== url) {
      known?.feed?.close();
      known = {
        url,
        probe: new DataVersionProbe(dataVersionUrl(url), options.dispatcher, options.timeoutMs),
        feed: options.announced ? new DataVersionFeed({ url: dataVersionEventsUrl(url), dispatcher: options.dispatcher }) : undefined,
      };
      sources.set(name, known);
    }
    return known;
  };
  const generations = new Map<string, number>();
  const generationOf = (name: string) => generations.get(name) ?? 0;

  /** The stamp of a followed subgraph's announced version, known without asking; undefined if not followed. */
  const followed = (name: string): string | undefined => {
    const version = sourceFor(name)?.feed?.current();
    return version === undefined ? undefined : `${generationOf(name)}:${version}`;
  };

  /** Current stamps of the named subgraphs: announced where followed, else read after this call. A subgraph that cannot say is left out. */
  const read = async (names: Iterable<string>): Promise<Map<string, string>> => {
    const reads = [...names].map(async (name): Promise<[string, string] | null> => {
      const source = sourceFor(name);
      if (!source) return null;
      const stamp = followed(name);
      if (stamp !== undefined) return [name, stamp];
      const generation = generationOf(name);
      try {
        return [name, `${generation}:read:${await source.probe.fresh()}`];
      } catch {
        return null;
      }
    });
    return new Map((await Promise.all(reads)).filter((one) => one !== null));
  };

  return {
    read,
    /**
     * Whether every stamp is still current. The common case, every subgraph followed, is compared
     * without reading or building anything.
     */
    async unchanged(stamps: Stamps): Promise<boolean> {
      let allFollowed = true;
      for (const [name, stamp] of stamps) {
        const current = followed(name);
        if (current === undefined) {
          allFollowed = false;
          break;
        }
        if (stamp !== current) return false;
      }
      return allFollowed || sameStamps(stamps, await read(stamps.keys()));
    },
    /** A mutation through this gateway used these subgraphs: nothing stamped before matches any more. */
    changedBy(names: Iterable<string>): void {
      for (const name of names) generations.set(name, generationOf(name) + 1);
    },
    /** Version reads sent to subgraphs (each one SQL statement there). */
    reads: () => [...sources.values()].reduce((sum, known) => sum + known.probe.readCount(), 0),
    /** Data versions the subgraphs announced (first of each connection included). */
    announcements: () => [...sources.values()].reduce((sum, known) => sum + (known.feed?.announced() ?? 0), 0),
    /** Stops following the subgraphs' data versions. */
    close(): void {
      for (const source of sources.values()) source.feed?.close();
    },
  };
}

export type DataVersions = ReturnType<typeof createDataVersions>;

export function sameStamps(a: Stamps, b: Stamps): boolean {
  return a.size === b.size && [...a].every(([name, stamp]) => b.get(name) === stamp);
}
