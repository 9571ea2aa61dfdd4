import { createServer } from 'node:net';
import { findFreePort } from '../ports';

test('findFreePort returns a port that can then be bound on 127.0.0.1', async () => {
  const port = await findFreePort();
  expect(port).toBeGreaterThan(0);
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port }, resolve);
  });
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
