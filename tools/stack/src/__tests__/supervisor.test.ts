import { startChild, type Child } from '../children';
import { Supervisor } from '../supervisor';

// Real child processes (node -e), so exits and signals are the ones the launcher sees.
const started: Child[] = [];
function node(script: string): Child {
  const child = startChild({ name: 'worker', command: process.execPath, args: ['-e', script], env: process.env, log: () => undefined });
  started.push(child);
  return child;
}
const runsUntilKilled = 'setInterval(() => {}, 1000)';
const until = async (condition: () => boolean, ms = 10_000) => {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

afterAll(async () => {
  await Promise.all(started.map((child) => child.stop(1_000)));
});

describe('Supervisor', () => {
  it('restarts a process that was killed, says which one died and how, and follows the new one', async () => {
    const lines: string[] = [];
    const supervisor = new Supervisor({ firstBackoffMs: 10 }, (line) => lines.push(line), () => undefined);
    const first = node(runsUntilKilled);
    const handle = supervisor.watch('lederne', first, async () => node(runsUntilKilled));
    process.kill(first.pid, 'SIGKILL');
    await until(() => handle.current !== first);
    expect(lines[0]).toBe(
      `lederne (PID ${first.pid}) was killed by SIGKILL; restarting it in 10 ms (failure 1 of 5 allowed in 60 s)`,
    );
    await until(() => lines.length === 2);
    expect(lines[1]).toBe(`lederne is back (PID ${handle.current.pid})`);
    const second = handle.current;
    process.kill(second.pid, 'SIGKILL');
    await until(() => handle.current !== second);
    expect(lines[2]).toMatch(/restarting it in 20 ms \(failure 2 of 5/); // backoff doubles
    await handle.stop();
  });

  it('gives up after repeated failures in the window, once, naming the process', async () => {
    const lines: string[] = [];
    const reasons: string[] = [];
    const supervisor = new Supervisor({ firstBackoffMs: 1, maxFailures: 3 }, (line) => lines.push(line), (r) => reasons.push(r));
    let launches = 0;
    const crashes = async () => {
      launches += 1;
      return node('process.exit(3)');
    };
    supervisor.watch('gateway', await crashes(), crashes);
    await until(() => reasons.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(reasons).toEqual(['gateway (PID ' + started.at(-1)!.pid + ') exited with code 3: 3 failures in 60 s, giving up']);
    expect(launches).toBe(3);
  });

  it('counts a restart that does not come up as a failure, and does not restart a process stopped on purpose', async () => {
    const lines: string[] = [];
    const supervisor = new Supervisor({ firstBackoffMs: 1, maxFailures: 2 }, (line) => lines.push(line), () => undefined);
    const first = node(runsUntilKilled);
    let attempts = 0;
    supervisor.watch('ledarna', first, async () => {
      attempts += 1;
      throw new Error('ledarna exited (code 1) before it was ready');
    });
    process.kill(first.pid, 'SIGTERM');
    await until(() => lines.length === 2);
    expect(lines[1]).toBe('ledarna did not come back (ledarna exited (code 1) before it was ready): 2 failures in 60 s, giving up');
    expect(attempts).toBe(1);

    const calm = new Supervisor({ firstBackoffMs: 1 }, (line) => lines.push(line), () => undefined);
    const running = node(runsUntilKilled);
    const stopped = calm.watch('lo', running, async () => node(runsUntilKilled));
    const before = lines.length;
    await stopped.stop();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(lines.length).toBe(before);
    expect(stopped.current).toBe(running);
  });
});
