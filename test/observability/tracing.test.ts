import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, loadConfig, startGateway, type RunningGateway } from '@nlf/gateway';
import { importPublicKey } from '@nlf/contract';
import {
  buildSubgraph, createLogger, openDatabase, setupTracing, startSubgraphServer, type Database, type RunningSubgraph, type Tracing,
} from '@nlf/kit';
import { ensureLocalKeys, REPO_ROOT } from '@nlf/stack';
import pino from 'pino';
import { harnessState } from '../harness/state';

// Gateway and subgraph in this process, so one in-memory exporter sees the spans of both; they talk
// over HTTP on 127.0.0.1 exactly as separate processes do.
const exporter = new InMemorySpanExporter();
const silent = createLogger({ service: 'test', destination: pino.destination('/dev/null') });
let tracing: Tracing | undefined;
let database: Database;
let subgraph: RunningSubgraph;
let gateway: RunningGateway;

beforeAll(async () => {
  tracing = setupTracing({ service: 'test', spanProcessor: new SimpleSpanProcessor(exporter) });
  database = await openDatabase({ url: harnessState().databaseUrls.lederne! });
  const { schema } = await buildSubgraph({ typeName: 'Lederne' });
  const keys = await ensureLocalKeys(harnessState().keysDir);
  subgraph = await startSubgraphServer({
    name: 'lederne',
    schema,
    database,
    port: 0,
    logger: silent,
    gatewayKey: await importPublicKey(keys.gateway.publicKey),
  });
  gateway = await startGateway({
    security: {
      issuer: DEFAULT_ISSUER,
      audience: DEFAULT_AUDIENCE,
      issuerPublicKey: keys.issuer.publicKey,
      gatewaySigningKey: keys.gateway.privateKey,
    },
    config: loadConfig(),
    supergraphSdl: readFileSync(join(REPO_ROOT, 'gateway', 'supergraph.graphql'), 'utf8'),
    port: 0,
    subgraphUrls: { lederne: subgraph.url },
    logger: silent,
  });
});
afterAll(async () => {
  await gateway?.close();
  await subgraph?.close();
  await database?.close();
  await tracing?.shutdown();
});

describe('OpenTelemetry traces', () => {
  it('puts the gateway request, its subgraph fetch and the subgraph request in one trace', async () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent },
      body: JSON.stringify({ query: '{ organisation(id: "lederne") { name } }' }),
    });
    expect(await response.json()).toEqual({ data: { organisation: { name: 'Lederne' } } });

    const spans = exporter.getFinishedSpans();
    const named = (name: string) => spans.filter((span) => span.name === name);
    const [server] = named('gateway POST /graphql');
    const [fetchSpan] = named('gateway.fetch').filter((span) => span.attributes.service === 'lederne');
    const [subgraphSpan] = named('subgraph lederne POST /graphql');
    expect(named('gateway.request')).toHaveLength(1);
    expect(server && fetchSpan && subgraphSpan).toBeTruthy();
    // The caller's trace is continued, and the subgraph's span hangs under the gateway's fetch.
    for (const span of [server!, named('gateway.request')[0]!, fetchSpan!, subgraphSpan!]) {
      expect(span.spanContext().traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    }
    expect(server!.parentSpanId).toBe('00f067aa0ba902b7');
    expect(subgraphSpan!.parentSpanId).toBe(fetchSpan!.spanContext().spanId);
    expect(subgraphSpan!.attributes['http.response.status_code']).toBe(200);
  });
});
