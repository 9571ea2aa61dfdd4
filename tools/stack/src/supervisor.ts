import type { Child } from './children.js';

/** When a process the launcher started dies, how it is brought back, and when the launcher gives up. */
export interface RestartPolicy {
  /** Failures (deaths, or restarts that did not come up) within `windowMs` that make it give up. Default 5. */
  maxFailures?: number;
  /** Default 60 000 ms. */
  windowMs?: number;
  /** Wait before the first restart, doubled for each failure still in the window. Default 500 ms. */
  firstBackoffMs?: number;
  /** Longest wait before a restart. Default 8 000 ms. */
  maxBackoffMs?: number;
}

export interface Supervised {
  /** The process running now (a new one after each restart). */
  readonly current: Child;
  /** Stops it on purpose: no restart until `start()`. */
  stop(): Promise<void>;
  /** Starts it again after `stop()`, and supervises it again. */
  start(): Promise<void>;
}

export function describeExit(child: Child): string {
  const { exitCode, signalCode } = child.process;
  if (signalCode) return `was killed by ${signalCode}`;
  return `exited with code ${exitCode}`;
}

/**
 * Keeps the federation's processes running: a process that dies is restarted with backoff, and only
 * repeated failures in a short window (say 5 in 60 s: a crash loop that restarting cannot mend) make
 * it give up, which the launcher answers by stopping everything and exiting non-zero. A crash now and
 * then, whatever caused it, never stops the federation.
 */
export class Supervisor {
  private readonly failures = new Map<string, number[]>();
  private gaveUp = false;
  private readonly maxFailures: number;
  private readonly windowMs: number;
  private readonly firstBackoffMs: number;
  private readonly maxBackoffMs: number;

  constructor(
    policy: RestartPolicy,
    private readonly log: (line: string) => void,
    private readonly onGiveUp: (reason: string) => void,
  ) {
    this.maxFailures = policy.maxFailures ?? 5;
    this.windowMs = policy.windowMs ?? 60_000;
    this.firstBackoffMs = policy.firstBackoffMs ?? 500;
    this.maxBackoffMs = policy.maxBackoffMs ?? 8_000;
  }

  /** Supervises what `launch` starts; `first` is the process already running. */
  watch(name: string, first: Child, launch: () => Promise<Child>): Supervised {
    let current = first;
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;

    const failed = (what: string) => {
      if (stopped || this.gaveUp) return;
      const now = Date.now();
      const recent = (this.failures.get(name) ?? []).filter((at) => now - at < this.windowMs);
      recent.push(now);
      this.failures.set(name, recent);
      if (recent.length >= this.maxFailures) {
        this.gaveUp = true;
        const reason = `${name} ${what}: ${recent.length} failures in ${this.windowMs / 1000} s, giving up`;
        this.log(reason);
        this.onGiveUp(reason);
        return;
      }
      const backoff = Math.min(this.firstBackoffMs * 2 ** (recent.length - 1), this.maxBackoffMs);
      this.log(`${name} ${what}; restarting it in ${backoff} ms (failure ${recent.length} of ${this.maxFailures} allowed in ${this.windowMs / 1000} s)`);
      timer = setTimeout(() => void relaunch(), backoff);
    };

    const follow = (child: Child) => {
      void child.exited.then(() => {
        if (child === current) failed(`(PID ${child.pid}) ${describeExit(child)}`);
      });
    };

    const relaunch = async () => {
      timer = undefined;
      if (stopped || this.gaveUp) return;
      try {
        current = await launch();
      } catch (error) {
        failed(`did not come back (${error instanceof Error ? error.message : String(error)})`);
        return;
      }
      if (stopped) {
        await current.stop();
        return;
      }
      this.log(`${name} is back (PID ${current.pid})`);
      follow(current);
    };

    follow(first);
    return {
      get current() {
        return current;
      },
      stop: async () => {
        stopped = true;
        clearTimeout(timer);
        await current.stop();
      },
      start: async () => {
        stopped = false;
        current = await launch();
        follow(current);
      },
    };
  }
}
