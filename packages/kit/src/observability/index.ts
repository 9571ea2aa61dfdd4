export { createLogger, REDACTED_PATHS, type Logger, type LoggerOptions } from './logger';
export { REQUEST_ID_HEADER, requestIdOf } from './requestId';
export {
  extractTraceContext, injectTraceContext, setupTracing, tracesExporterFromEnv, TracingSettingsError,
  type Tracing, type TracingOptions, type TracesExporter,
} from './tracing';
export { observedServerOptions, observeRequests, type ObserveRequestsOptions } from './fastify';
export { gracefulShutdown } from './shutdown';
export {
  DEFAULT_SHUTDOWN_GRACE_MS, LOG_LEVELS, readProcessSettings, SettingsError, type LogLevel, type ProcessSettings,
} from './processSettings';
