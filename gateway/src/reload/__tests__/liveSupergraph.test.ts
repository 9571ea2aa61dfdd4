import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../config';
import { LiveSupergraph, type LiveSupergraphOptions } from '../liveSupergraph';

const SUPERGRAPH = readFileSync(join(__dirname, '..', '..', '..', 'supergraph.graphql'), 'utf8');
/** The same supergraph with the cooperation subgraph moved and one personal mark taken away. */
const CHANGED = SUPERGRAPH.replace('"cooperation", url: "http://127.0.0.1:4106/graphql"', '"cooperation", url: "http://127.0.0.1:4999/graphql"').replace(
  /(leaderMemberSearch\(text: String!, first: Int = 20, after: String\): LeaderMemberConnection[^\n]*?) @tag\(name: "personal"\)/g,
  '$1',
);

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'nlf-live-supergraph-'));
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

/** A LiveSupergraph started as the gateway starts it (its hook called), over a supergraph file. */
async function fromFile(options: Partial<LiveSupergraphOptions> = {}) {
  const path = join(directory, 'supergraph.graphql');
  writeFileSync(path, SUPERGRAPH);
  const lines: string[] = [];
  const updates: string[] = [];
  let refuseUpdate: Error | undefined;
  const live = new LiveSupergraph({
    supergraphSdl: SUPERGRAPH,
    supergraphPath: path,
    urls: { cooperation: 'http://127.0.0.1:4106/graphql' },
    resolveUrls: () => ({}),
    subgraphUrlVariables: {},
    signingKey: '',
    log: (line) => lines.push(line),
    ...options,
  });
  const started = await live.hook({
    update: (sdl: string) => {
      if (refuseUpdate) throw refuseUpdate;
      updates.push(sdl);
    },
    healthCheck: async () => undefined,
    getDataSource: (() => undefined) as never,
  });
  return { live, path, lines, updates, started, refuseWith: (error: Error) => (refuseUpdate = error) };
}

describe('LiveSupergraph', () => {
  it('starts on the supergraph it was given, with that supergraph\'s personal marks', async () => {
    const { live, started } = await fromFile();
    await started.cleanup?.();
    expect(started.supergraphSdl).toBe(SUPERGRAPH);
    expect(live.current.version).toBe(1);
    expect([...live.current.personalFields].sort()).toEqual(expect.arrayContaining(['leaderMemberSearch', 'leaderMembers', 'personalDataAccessLog']));
    expect(live.status()).toEqual({ version: 1, loadedAt: live.current.loadedAt });
  });

  it('serves a changed supergraph file: its URLs and personal marks, as the next version', async () => {
    const { live, path, lines, updates, started } = await fromFile();
    await started.cleanup?.();
    writeFileSync(path, CHANGED);
    await live.reload();
    expect(updates).toEqual([CHANGED]);
    expect(live.current.version).toBe(2);
    expect(live.current.urls.cooperation).toBe('http://127.0.0.1:4999/graphql');
    expect(live.current.personalFields.has('leaderMemberSearch')).toBe(false);
    expect(live.current.personalFields.has('leaderMembers')).toBe(true);
    expect(live.status().refused).toBeUndefined();
    expect(lines.at(-1)).toMatch(/^supergraph version 2 serving \(.*cooperation.*\)$/);
  });

  it('notices a change to the watched file by itself', async () => {
    const { live, path, lines, updates, started } = await fromFile({ intervalMs: 20 });
    try {
      // Written again each second: a write before the watcher's first look at the file is its baseline.
      for (let waited = 0; updates.length === 0 && waited < 10_000; waited += 20) {
        if (waited % 1000 === 0) writeFileSync(path, `${CHANGED}${'\n'.repeat(waited / 1000 + 1)}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(lines[0]).toMatch(/^supergraph version 2 serving/);
      expect(updates[0]!.trimEnd()).toBe(CHANGED.trimEnd());
      expect(live.current.urls.cooperation).toBe('http://127.0.0.1:4999/graphql');
    } finally {
      await started.cleanup?.();
    }
  });

  it('keeps the old supergraph serving when the file is broken, and says why', async () => {
    const { live, path, lines, updates, started } = await fromFile();
    await started.cleanup?.();
    const before = live.current;
    writeFileSync(path, 'type Query { broken');
    await live.reload();
    expect(updates).toEqual([]);
    expect(live.current).toBe(before);
    const { refused } = live.status();
    expect(refused?.reason).toMatch(/Syntax Error/);
    expect(lines.at(-1)).toBe(`supergraph change refused, version 1 keeps serving: ${refused!.reason}`);
    // The next good change is taken, and the refusal forgotten.
    writeFileSync(path, CHANGED);
    await live.reload();
    expect(live.current.version).toBe(2);
    expect(live.status().refused).toBeUndefined();
  });

  it('keeps the old state when the gateway itself refuses the new supergraph', async () => {
    const { live, path, updates, started, refuseWith } = await fromFile();
    await started.cleanup?.();
    const before = live.current;
    refuseWith(new Error('the gateway could not build a schema from it'));
    writeFileSync(path, CHANGED);
    await live.reload();
    expect(updates).toEqual([]);
    expect(live.current).toBe(before);
    expect(live.status().refused?.reason).toBe('the gateway could not build a schema from it');
  });

  it('keeps the old config serving when the changed config is not valid, and says why', async () => {
    const configPath = join(directory, 'federation.json');
    writeFileSync(configPath, '{ "subgraphs": [');
    const { live, lines, updates, started } = await fromFile({ config: loadConfig(), configPath, supergraphPath: undefined });
    await started.cleanup?.();
    const before = live.current;
    await live.reload();
    expect(updates).toEqual([]);
    expect(live.current).toBe(before);
    expect(live.status().refused?.reason).toBe(`${configPath} is not valid JSON: ${(() => {
      try {
        JSON.parse('{ "subgraphs": [');
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    })()}`);
    expect(lines.at(-1)).toMatch(/^supergraph change refused, version 1 keeps serving: /);
  });
});
