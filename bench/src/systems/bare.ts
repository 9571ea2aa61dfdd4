import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { readBenchSystemSettings, required } from '../benchSettings';

const settings = readBenchSystemSettings();

/**
 * The machine's ceiling: node:http answering every POST with a fixed body, the same bytes the
 * gateway answers for that scenario (BENCH_BODIES: JSON file of path → body).
 */
const bodies = new Map<string, Buffer>(
  Object.entries(JSON.parse(readFileSync(required(settings.bodiesPath, 'BENCH_BODIES'), 'utf8')) as Record<string, string>).map(([path, body]) => [
    path,
    Buffer.from(body),
  ]),
);
const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    const body = bodies.get(request.url ?? '/') ?? Buffer.from('{}');
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
    response.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(settings.port, '127.0.0.1', () => process.stdout.write('ready\n'));
