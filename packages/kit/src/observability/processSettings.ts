import { tracesExporterFromEnv, type TracesExporter } from './tracing';

/** A variable set to a value the process cannot run with; the message names the variable. */
export class SettingsError extends Error {
  constructor(variable: string, problem: string) {
    super(`${variable}: ${problem}`);
    this.name = 'SettingsError';
  }
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const DEFAULT_SHUTDOWN_GRACE_MS = 25_000;

/**
 * What every process of the federation, the gateway and each subgraph alike, takes from its
 * environment for logging, tracing and stopping. Read once, with the rest of the process's settings;
 * the functions that use these values (createLogger, setupTracing, gracefulShutdown, exitWithParent)
 * read no environment of their own.
 */
export interface ProcessSettings {
  /** LOG_LEVEL. Default: info. */
  logLevel: LogLevel;
  /** NLF_TRACES_EXPORTER, else OTEL_TRACES_EXPORTER. Default: none. */
  tracesExporter: TracesExporter;
  /** NLF_SHUTDOWN_GRACE_MS: how long SIGTERM waits for requests in flight. Default: 25 000. */
  shutdownGraceMs: number;
  /** NLF_EXIT_WITH_PARENT=1: stop when the launcher's end of stdin closes (set by npm start and the tests). */
  exitWithParent: boolean;
}

export function readProcessSettings(env: NodeJS.ProcessEnv): ProcessSettings {
  const level = env.LOG_LEVEL?.trim() || 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(level)) throw new SettingsError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${level}"`);
  const grace = env.NLF_SHUTDOWN_GRACE_MS?.trim();
  const shutdownGraceMs = grace ? Number(grace) : DEFAULT_SHUTDOWN_GRACE_MS;
  if (!Number.isSafeInteger(shutdownGraceMs) || shutdownGraceMs < 0 || !/^\d*$/.test(grace ?? '')) {
    throw new SettingsError('NLF_SHUTDOWN_GRACE_MS', `must be a whole number of milliseconds, got "${grace}"`);
  }
  return {
    logLevel: level as LogLevel,
    tracesExporter: tracesExporterFromEnv(env),
    shutdownGraceMs,
    exitWithParent: env.NLF_EXIT_WITH_PARENT === '1',
  };
}
