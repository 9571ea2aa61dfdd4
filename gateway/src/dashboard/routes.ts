import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { indicatorsCsv, type IndicatorsAnswer } from '../indicators/csv';
import type { PersistedOperationManifest } from '../operations/manifest';

export const DASHBOARD_DIR = join(__dirname, '..', '..', 'dashboard');
const FILES: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'dashboard.js': 'text/javascript; charset=utf-8',
  'dashboard.css': 'text/css; charset=utf-8',
};
// The dashboard loads nothing from elsewhere and runs no inline script.
const CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'";

export interface DashboardRoutesOptions {
  manifest: PersistedOperationManifest;
}

/** The URL a client GETs a registered operation with: its id, no query text. */
export function persistedOperationPath(id: string, operationName: string): string {
  const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: id } });
  return `/graphql?operationName=${encodeURIComponent(operationName)}&extensions=${encodeURIComponent(extensions)}`;
}

/**
 * /dashboard (static files, read once at start), /dashboard/operations.json (name → id of the
 * registered operations) and /indicators.csv. The dashboard and the CSV export read the API over
 * HTTP like any other client: the CSV export GETs the registered DashboardIndicators operation
 * from this very gateway.
 */
export function registerDashboardRoutes(app: FastifyInstance, options: DashboardRoutesOptions): void {
  const contents = Object.fromEntries(Object.keys(FILES).map((file) => [file, readFileSync(join(DASHBOARD_DIR, file))]));
  const operationIds = Object.fromEntries(options.manifest.operations.map((operation) => [operation.name, operation.id]));
  const indicatorsId = operationIds.DashboardIndicators;
  if (!indicatorsId) throw new Error('persisted-operations.json has no DashboardIndicators operation');

  const sendFile = (file: string) => async (_request: unknown, reply: import('fastify').FastifyReply) =>
    reply.type(FILES[file]!).header('content-security-policy', CONTENT_SECURITY_POLICY).header('cache-control', 'no-cache').send(contents[file]);
  app.get('/dashboard', sendFile('index.html'));
  app.get('/dashboard/', sendFile('index.html'));
  for (const file of Object.keys(FILES)) app.get(`/dashboard/${file}`, sendFile(file));
  app.get('/dashboard/operations.json', async () => operationIds);

  app.get('/indicators.csv', async (request, reply) => {
    const address = app.server.address();
    const host = typeof address === 'object' && address && !['0.0.0.0', '::'].includes(address.address) ? address.address : '127.0.0.1';
    const port = typeof address === 'object' && address ? address.port : 0;
    const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    const response = await fetch(origin + persistedOperationPath(indicatorsId, 'DashboardIndicators'), {
      // CSRF prevention is on: a GET needs this header to be let through.
      headers: { 'apollo-require-preflight': 'true', 'x-request-id': request.id },
    });
    const answer = (await response.json()) as { data?: IndicatorsAnswer | null };
    if (!answer.data?.indicators) {
      return reply.code(502).type('text/plain; charset=utf-8').send('the indicators are not available right now\n');
    }
    const day = answer.data.indicators.computedAt.slice(0, 10);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="nlf-indicators-${day}.csv"`)
      .header('cache-control', response.headers.get('cache-control') ?? 'no-store')
      .send(indicatorsCsv(answer.data));
  });
}
