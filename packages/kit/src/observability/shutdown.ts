import type { Logger } from './logger';
import { DEFAULT_SHUTDOWN_GRACE_MS } from './processSettings';

export interface GracefulShutdownOptions {
  logger: Logger;
  /** Stops accepting requests, waits for those in flight, releases resources. */
  close(): Promise<void>;
  /** Longest wait for requests in flight before exiting anyway. Default: 25 000 ms (a process passes its NLF_SHUTDOWN_GRACE_MS setting). */
  graceMs?: number;
}

/**
 * SIGTERM/SIGINT: stop listening, let requests in flight finish, exit 0. A second signal or the
 * grace period running out exits 1 at once (docker stop sends SIGKILL after 10 s by default; the
 * compose file gives 30 s). Returns the stop function, for other triggers (the launcher dying).
 */
export function gracefulShutdown(options: GracefulShutdownOptions): (reason: string) => void {
  const graceMs = options.graceMs ?? DEFAULT_SHUTDOWN_GRACE_MS;
  let stopping = false;
  const stop = (reason: string) => {
    if (stopping) {
      options.logger.warn({ reason }, 'second stop request: exiting now');
      process.exit(1);
    }
    stopping = true;
    options.logger.info({ reason }, 'shutting down: finishing requests in flight');
    const timer = setTimeout(() => {
      options.logger.error({ graceMs }, 'requests still in flight after the grace period: exiting');
      process.exit(1);
    }, graceMs);
    timer.unref();
    options.close().then(
      () => {
        options.logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        options.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  return stop;
}
