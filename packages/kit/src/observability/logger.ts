import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

export interface LoggerOptions {
  /** Service name on every line, e.g. "gateway" or "lederne". */
  service: string;
  /** pino level. Default: "info" (a process passes its LOG_LEVEL setting, see processSettings.ts). */
  level?: string;
  /** Where the JSON lines go. Default: stderr (stdout stays free for command output such as print-schema). */
  destination?: DestinationStream;
}

/**
 * Paths that could carry a token or personal data if someone ever logs a request or a header object.
 * Request logs are built from a fixed list of fields (see requestLogging.ts); this is the second line.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  'authorization',
  'token',
  'password',
  'variables',
  'query',
];

/** One JSON line per event: time, level, service, msg and fields. */
export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: options.service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    options.destination ?? pino.destination({ fd: 2, sync: true }),
  );
}
