import { createSharedProbe } from '../health';

describe('the shared subgraph probe behind /health and /ready', () => {
  it('probes once for any number of callers within its age, and again once the answer is older', async () => {
    let now = 0;
    let probes = 0;
    const probe = createSharedProbe(async () => ({ lederne: (probes += 1) % 2 ? 'up' : 'down' }), 2000, () => now);
    const answers = await Promise.all(Array.from({ length: 200 }, () => probe()));
    expect(probes).toBe(1);
    expect(new Set(answers.map((answer) => answer.lederne))).toEqual(new Set(['up']));
    now = 1999;
    expect(await probe()).toEqual({ lederne: 'up' });
    expect(probes).toBe(1);
    now = 2000;
    expect(await probe()).toEqual({ lederne: 'down' });
    expect(probes).toBe(2);
  });

  it('does not keep a failed probe', async () => {
    let calls = 0;
    const probe = createSharedProbe(async () => {
      calls += 1;
      if (calls === 1) throw new Error('boom');
      return { lederne: 'up' as const };
    });
    await expect(probe()).rejects.toThrow('boom');
    expect(await probe()).toEqual({ lederne: 'up' });
  });
});
