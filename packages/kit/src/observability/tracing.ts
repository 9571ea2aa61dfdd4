import { context, propagation, trace, type Context, type TextMapGetter } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import {
  BasicTracerProvider, BatchSpanProcessor, ConsoleSpanExporter, type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';

export type TracesExporter = 'none' | 'otlp' | 'console';

export interface TracingOptions {
  /** service.name of the spans, e.g. "gateway" or "lederne". */
  service: string;
  /**
   * Where spans go. Default: "none" (tracing off, nothing registered); a process passes its
   * NLF_TRACES_EXPORTER setting (processSettings.ts). "otlp" sends to OTEL_EXPORTER_OTLP_ENDPOINT
   * (default http://localhost:4318), which the OpenTelemetry exporter reads itself.
   */
  exporter?: TracesExporter;
  /** Used instead of an exporter, e.g. an in-memory one in tests. Default: none. */
  spanProcessor?: SpanProcessor;
}

export interface Tracing {
  /** Flushes and stops; spans still open are dropped. */
  shutdown(): Promise<void>;
}

export class TracingSettingsError extends Error {
  constructor(value: string) {
    super(`NLF_TRACES_EXPORTER/OTEL_TRACES_EXPORTER: expected none, otlp or console, got "${value}"`);
    this.name = 'TracingSettingsError';
  }
}

/** NLF_TRACES_EXPORTER, else OTEL_TRACES_EXPORTER, else none; read with the process's settings. */
export function tracesExporterFromEnv(env: NodeJS.ProcessEnv): TracesExporter {
  const value = (env.NLF_TRACES_EXPORTER || env.OTEL_TRACES_EXPORTER || 'none').trim().toLowerCase();
  if (value !== 'none' && value !== 'otlp' && value !== 'console') throw new TracingSettingsError(value);
  return value;
}

/**
 * Registers the global tracer provider (W3C trace context, async-local context) so @apollo/gateway's
 * own spans and the kit's subgraph spans are recorded. Returns undefined when tracing is off: then
 * the OpenTelemetry API stays a no-op and costs nothing.
 */
export function setupTracing(options: TracingOptions): Tracing | undefined {
  const exporter = options.exporter ?? 'none';
  if (exporter === 'none' && !options.spanProcessor) return undefined;
  const processor =
    options.spanProcessor ??
    new BatchSpanProcessor(exporter === 'otlp' ? new OTLPTraceExporter() : new ConsoleSpanExporter());
  const provider = new BasicTracerProvider({
    resource: new Resource({ 'service.name': options.service }),
    spanProcessors: [processor],
  });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  return {
    shutdown: async () => {
      await provider.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
    },
  };
}

const headerGetter: TextMapGetter<Record<string, string | string[] | undefined>> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => carrier[key],
};

/** The trace context a caller sent in its traceparent header (the gateway, for a subgraph). */
export function extractTraceContext(headers: Record<string, string | string[] | undefined>): Context {
  return propagation.extract(context.active(), headers, headerGetter);
}

/** Adds traceparent (and tracestate) of the active span to outgoing headers; nothing when tracing is off. */
export function injectTraceContext(set: (name: string, value: string) => void): void {
  propagation.inject(context.active(), undefined, { set: (_carrier, key, value) => set(key, value) });
}
