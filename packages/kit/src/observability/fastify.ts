import { context, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from './logger';
import { REQUEST_ID_HEADER, requestIdOf } from './requestId';
import { extractTraceContext } from './tracing';

/** Fastify options of every server here: pino as its logger, request ids from x-request-id or new. */
export function observedServerOptions(logger: Logger) {
  return {
    loggerInstance: logger as FastifyBaseLogger,
    // One line per request from observeRequests, built from a fixed list of fields (never headers,
    // query strings or bodies, which can carry tokens and personal data).
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    genReqId: requestIdOf,
    requestIdHeader: false as const,
  };
}

const QUIET_PATHS = new Set(['/health', '/ready', '/metrics']);

export interface ObserveRequestsOptions {
  /** Span name prefix, e.g. "gateway" or "subgraph lederne". */
  spanName: string;
}

/**
 * Per request: echoes x-request-id, opens a server span continuing the caller's traceparent (active
 * while the request is handled, so spans started below it join the same trace), and logs one line
 * when the response is sent. Health probes log at debug level. While closing, answers close their
 * connection, so a graceful stop ends as soon as the requests in flight are answered.
 */
export function observeRequests(app: FastifyInstance, options: ObserveRequestsOptions): void {
  const tracer = trace.getTracer('@nlf/kit');
  const spans = new WeakMap<object, Span>();
  app.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    const path = request.url.split('?')[0] ?? '/';
    const parent = extractTraceContext(request.headers);
    const span = tracer.startSpan(
      `${options.spanName} ${request.method} ${path}`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method, 'url.path': path, 'nlf.request_id': request.id } },
      parent,
    );
    spans.set(request, span);
    context.with(trace.setSpan(parent, span), done);
  });
  // Requests already in flight when close() starts would leave their keep-alive sockets open, and
  // close() would wait on them until the keep-alive timeout: their answers close the connection.
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });
  app.addHook('onResponse', (request, reply, done) => {
    const path = request.url.split('?')[0] ?? '/';
    const span = spans.get(request);
    if (span) {
      span.setAttribute('http.response.status_code', reply.statusCode);
      if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    }
    const fields = { method: request.method, path, statusCode: reply.statusCode, durationMs: Math.round(reply.elapsedTime) };
    if (QUIET_PATHS.has(path)) request.log.debug(fields, 'request completed');
    else request.log.info(fields, 'request completed');
    done();
  });
}
