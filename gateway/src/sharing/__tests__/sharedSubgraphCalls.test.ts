import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { personalFieldsOf } from '../../cache/cachePolicy';
import { createShareableSubgraphQuery, SharedSubgraphCalls, type SubgraphAnswer } from '../sharedSubgraphCalls';

const answer = (body: string): SubgraphAnswer => ({ status: 200, statusText: 'OK', headers: [['content-type', 'application/json']], body });

function held() {
  let release!: (value: SubgraphAnswer) => void;
  let fail!: (error: Error) => void;
  const promise = new Promise<SubgraphAnswer>((resolve, reject) => {
    release = resolve;
    fail = reject;
  });
  return { promise, release, fail };
}

describe('SharedSubgraphCalls', () => {
  it('sends identical calls made while one is in flight once, and gives each caller its answer', async () => {
    const inFlight = new SharedSubgraphCalls();
    const call = held();
    const send = jest.fn(() => call.promise);
    const first = inFlight.run('same', send);
    const second = inFlight.run('same', send);
    call.release(answer('{"data":{"a":1}}'));
    expect(await first).toEqual(answer('{"data":{"a":1}}'));
    expect(await second).toEqual(answer('{"data":{"a":1}}'));
    expect(send).toHaveBeenCalledTimes(1);
    expect(inFlight.stats()).toEqual({ sent: 1, joined: 1 });
  });

  it('keeps nothing once the answer is in: the next call is sent again', async () => {
    const inFlight = new SharedSubgraphCalls();
    const send = jest.fn(async () => answer('{}'));
    await inFlight.run('same', send);
    await inFlight.run('same', send);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('sends different calls separately', async () => {
    const inFlight = new SharedSubgraphCalls();
    const a = held();
    const b = held();
    const first = inFlight.run('a', () => a.promise);
    const second = inFlight.run('b', () => b.promise);
    a.release(answer('"a"'));
    b.release(answer('"b"'));
    expect((await first).body).toBe('"a"');
    expect((await second).body).toBe('"b"');
    expect(inFlight.stats()).toEqual({ sent: 2, joined: 0 });
  });

  it('gives every waiting caller the failure, then sends afresh', async () => {
    const inFlight = new SharedSubgraphCalls();
    const call = held();
    const first = inFlight.run('same', () => call.promise);
    const second = inFlight.run('same', () => call.promise);
    call.fail(new Error('connection refused'));
    await expect(first).rejects.toThrow('connection refused');
    await expect(second).rejects.toThrow('connection refused');
    await expect(inFlight.run('same', async () => answer('{}'))).resolves.toEqual(answer('{}'));
  });
});

describe('createShareableSubgraphQuery', () => {
  const supergraph = readFileSync(join(__dirname, '..', '..', '..', 'supergraph.graphql'), 'utf8');
  const personal = personalFieldsOf(supergraph);
  const shareable = createShareableSubgraphQuery(() => personal);

  it('shares queries without personal fields', () => {
    expect(shareable('query CrossUnion__lederne__1($representations:[_Any!]!){_entities(representations:$representations){...on Lederne{id memberCount{low}}}}')).toBe(true);
    expect(shareable('{organisations{id name}}')).toBe(true);
  });

  it('never shares a read of personal data, which must reach the audit log under its own caller', () => {
    expect(shareable('{organisation(id:"lederne"){leaderMembers(first:5){edges{node{id}}}}}')).toBe(false);
    expect(shareable('query{_entities(representations:[]){...on Lederne{personalDataAccessLog{edges{node{field}}}}}}')).toBe(false);
    expect(shareable('query($r:[_Any!]!){_entities(representations:$r){...F}} fragment F on Lederne{leaderMemberSearch(text:"ha"){totalCount}}')).toBe(false);
  });

  it('never shares a mutation, or what it cannot parse', () => {
    expect(shareable('mutation{recordDecision(input:{}){id}}')).toBe(false);
    expect(shareable('{ organisations {')).toBe(false);
  });
});
