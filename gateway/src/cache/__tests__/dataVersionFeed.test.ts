import { createServer, type ServerResponse, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataVersionFeed } from '../dataVersionFeed';

let server: Server;
let url: string;
let streams: ServerResponse[] = [];
let refuse = false;
beforeAll(async () => {
  // A subgraph's /data-version/events: version v1 on connect, then whatever the test announces.
  server = createServer((_request, response) => {
    if (refuse) return void response.writeHead(503).end();
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.write('event: version\ndata: v1\n\n');
    streams.push(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/data-version/events`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
afterEach(() => {
  refuse = false;
  streams = [];
});

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('DataVersionFeed', () => {
  it('knows the version the subgraph announced last, including one split across packets', async () => {
    const feed = new DataVersionFeed({ url });
    await until(() => feed.current() !== undefined);
    expect(feed.current()).toBe('1:v1');
    streams[0]!.write(': alive\n\nevent: version\nda');
    streams[0]!.write('ta: v2\n\n');
    await until(() => feed.current() === '1:v2');
    expect(feed.announced()).toBe(2);
    feed.close();
    expect(feed.current()).toBeUndefined();
  });

  it('knows nothing while the stream is down, and stamps the next connection with a new epoch', async () => {
    const feed = new DataVersionFeed({ url, maxRetryMs: 50 });
    await until(() => feed.current() === '1:v1');
    refuse = true;
    streams[0]!.end();
    await until(() => feed.current() === undefined);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(feed.current()).toBeUndefined();
    refuse = false;
    await until(() => feed.current() !== undefined);
    // Same version text, different connection: nothing stamped before the gap can match.
    expect(feed.current()).toBe('2:v1');
    feed.close();
  });

  it('takes a silent stream for a dead one', async () => {
    const feed = new DataVersionFeed({ url, silenceMs: 200, maxRetryMs: 10_000 });
    await until(() => feed.current() === '1:v1');
    refuse = true;
    await until(() => feed.current() === undefined);
    feed.close();
  });

  it('drops a stream that sends more than maxPendingChars without ending an event', async () => {
    const feed = new DataVersionFeed({ url, maxPendingChars: 1000, maxRetryMs: 10_000 });
    await until(() => feed.current() === '1:v1');
    refuse = true;
    // Well within the 15 s of silence allowed: only the bound can end it.
    streams[0]!.write(`event: version\ndata: ${'x'.repeat(600)}`);
    streams[0]!.write('x'.repeat(600));
    await until(() => feed.current() === undefined);
    expect(feed.announced()).toBe(1);
    feed.close();
  });
});
