import type { Follower } from '../dataVersionListener';
import type { PublicFacts } from '../publicFacts';
import { PublicSnapshot, type PublicSnapshotOptions, type SnapshotFreshness, type SnapshotSource } from '../publicSnapshot';

/**
 * A database in miniature: a version that every commit changes, public facts read at the version
 * current when the read starts, and announcements delivered only when the test says (as NOTIFY
 * arrives a little after the commit).
 */
function fakeDatabase(options: { bytes?: number } = {}) {
  let version = 1;
  let name = 'Lederne';
  let followers: Follower[] = [];
  const pending: string[] = [];
  const counts = { loads: 0, versionReads: 0, follows: 0 };
  let failFollow = false;
  const facts = (at: number): PublicFacts => ({
    version: `v${at}`,
    bytes: options.bytes ?? 100,
    organisations: new Map([['lederne', { id: 'lederne', name } as never]]),
    lists: { councils: new Map(), councilMembers: new Map(), forums: new Map(), branches: new Map(), sections: new Map() },
    registers: new Map([['lederne', { synthetic: true, leaderMemberCount: 40 }]]),
    breakdowns: new Map(),
  });
  const source: SnapshotSource = {
    load: async (maxBytes) => {
      counts.loads += 1;
      const read = facts(version);
      await Promise.resolve();
      return { version: read.version, bytes: read.bytes, facts: read.bytes <= maxBytes ? read : undefined };
    },
    version: async () => {
      counts.versionReads += 1;
      return `v${version}`;
    },
    follow: async (follower) => {
      counts.follows += 1;
      if (failFollow) throw new Error('no LISTEN connection');
      followers.push(follower);
      return () => {
        followers = followers.filter((one) => one !== follower);
      };
    },
  };
  return {
    source,
    counts,
    /** A commit: the new version is in the database at once, its announcement waits for announce(). */
    commit(newName: string) {
      name = newName;
      version += 1;
      pending.push(`v${version}`);
    },
    announce() {
      for (const next of pending.splice(0)) for (const follower of followers) follower.send(next);
    },
    loseConnection() {
      const lost = followers;
      followers = [];
      for (const follower of lost) follower.end();
    },
    set failFollow(value: boolean) {
      failFollow = value;
    },
  };
}

const nameIn = (facts: PublicFacts | undefined) => facts?.organisations.get('lederne')?.name;
const settle = () => new Promise((resolve) => setImmediate(resolve));

async function snapshotOf(database: ReturnType<typeof fakeDatabase>, freshness: SnapshotFreshness, extra: Partial<Omit<PublicSnapshotOptions, 'freshness'>> = {}) {
  const snapshot = new PublicSnapshot(database.source, { freshness, ...extra });
  await settle(); // following starts with the snapshot
  return snapshot;
}

describe('PublicSnapshot, following announced versions', () => {
  it('is loaded by the first read, then answers from memory without asking the database', async () => {
    const database = fakeDatabase();
    const snapshot = await snapshotOf(database, 'announced');
    expect(nameIn(await snapshot.read())).toBe('Lederne');
    await Promise.all(Array.from({ length: 20 }, () => snapshot.read()));
    expect(database.counts).toMatchObject({ loads: 1, versionReads: 0 });
    expect(snapshot.stats()).toEqual({ loads: 1, bytes: 100 });
  });

  it('is replaced on the next read after a new version is announced, and only then', async () => {
    const database = fakeDatabase();
    const snapshot = await snapshotOf(database, 'announced');
    await snapshot.read();
    database.commit('Lederne (renamed)');
    database.commit('Lederne (renamed twice)');
    database.announce();
    // Two commits announced: one load, by the read that follows them, and none before it.
    expect(database.counts.loads).toBe(1);
    expect(nameIn(await snapshot.read())).toBe('Lederne (renamed twice)');
    expect(nameIn(await snapshot.read())).toBe('Lederne (renamed twice)');
    expect(database.counts.loads).toBe(2);
  });

  it('shares a load in flight with the reads that arrive before the next announcement', async () => {
    const database = fakeDatabase();
    const snapshot = await snapshotOf(database, 'announced');
    const reads = await Promise.all(Array.from({ length: 5 }, () => snapshot.read()));
    expect(reads.map(nameIn)).toEqual(Array(5).fill('Lederne'));
    expect(database.counts.loads).toBe(1);
  });

  it('gives a read that starts after an announcement, while an older load is in flight, a load that started after it', async () => {
    const database = fakeDatabase();
    const snapshot = await snapshotOf(database, 'announced');
    await snapshot.read();
    database.commit('first');
    database.announce();
    const during = snapshot.read(); // loads "first"
    database.commit('second');
    database.announce();
    const after = snapshot.read();
    expect(nameIn(await during)).toBe('first');
    expect(nameIn(await after)).toBe('second');
  });

  it('checks the version on every read while it cannot follow, and follows again once it can', async () => {
    const database = fakeDatabase();
    database.failFollow = true;
    let clock = 0;
    const snapshot = await snapshotOf(database, 'announced', { now: () => clock });
    expect(nameIn(await snapshot.read())).toBe('Lederne');
    // Not following: a commit never announced is still seen, since every read asks the version.
    database.commit('unannounced');
    expect(nameIn(await snapshot.read())).toBe('unannounced');
    expect(database.counts.versionReads).toBe(2);
    database.failFollow = false;
    clock += 1000;
    await snapshot.read();
    await settle();
    const reads = database.counts.versionReads;
    await snapshot.read();
    await snapshot.read();
    expect(database.counts.versionReads).toBe(reads);
  });

  it('never takes a lost LISTEN connection for silence: reads ask the version until it follows again', async () => {
    const database = fakeDatabase();
    let clock = 0;
    const snapshot = await snapshotOf(database, 'announced', { now: () => clock });
    await snapshot.read();
    database.loseConnection();
    database.commit('while not listening'); // announced to nobody
    expect(nameIn(await snapshot.read())).toBe('while not listening');
    // It tries to follow again at most once a second.
    expect(database.counts.follows).toBe(1);
    clock += 1000;
    await snapshot.read();
    expect(database.counts.follows).toBe(2);
  });
});

describe('PublicSnapshot, checked', () => {
  it('reads the version for every request, and loads only when it changed', async () => {
    const database = fakeDatabase();
    const snapshot = await snapshotOf(database, 'checked');
    expect(database.counts.follows).toBe(0);
    await snapshot.read();
    await snapshot.read();
    expect(database.counts).toMatchObject({ loads: 1, versionReads: 2 });
    // Never announced: a checked read sees a commit made before it asked all the same.
    database.commit('checked');
    expect(nameIn(await snapshot.read())).toBe('checked');
    expect(database.counts).toMatchObject({ loads: 2, versionReads: 3 });
  });
});

describe('PublicSnapshot, bounded', () => {
  it('keeps no facts over the bound: reads go to SQL (undefined) without loading again until the data changes', async () => {
    const database = fakeDatabase({ bytes: 2000 });
    const snapshot = await snapshotOf(database, 'announced', { maxBytes: 1000 });
    expect(await snapshot.read()).toBeUndefined();
    expect(await snapshot.read()).toBeUndefined();
    expect(database.counts.loads).toBe(1);
    expect(snapshot.stats()).toEqual({ loads: 1, bytes: 0 });
  });

  it('loads again once older than its age bound, changes or not', async () => {
    const database = fakeDatabase();
    let clock = 0;
    const snapshot = await snapshotOf(database, 'announced', { now: () => clock, maxAgeMs: 1000 });
    await snapshot.read();
    clock += 999;
    await snapshot.read();
    expect(database.counts.loads).toBe(1);
    clock += 1;
    await snapshot.read();
    expect(database.counts.loads).toBe(2);
  });

  it('answers undefined (reads by SQL) when the database cannot be read', async () => {
    const database = fakeDatabase();
    const snapshot = new PublicSnapshot({ ...database.source, load: async () => Promise.reject(new Error('down')) }, { freshness: 'announced' });
    await settle();
    expect(await snapshot.read()).toBeUndefined();
  });
});
