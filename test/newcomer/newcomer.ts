import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';

// A newcomer's steps, run as the README gives them: clone, `npm ci`, `npm start` with an environment
// built from scratch. Nothing here comes from the test harness: no keys, no data directory, no ports.

/** The machine's own settings a new shell has (tools, home, certificates and proxies for the registry). */
const MACHINE_VARIABLES = [
  'PATH', 'HOME', 'USER', 'LANG', 'TERM', 'NODE_EXTRA_CA_CERTS', 'SSL_CERT_FILE', 'SSL_CERT_DIR',
  'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'no_proxy',
];

/** What a new shell has: no NLF_* variable, nothing of jest's, npm's or the test harness's. */
export function scratchEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const name of MACHINE_VARIABLES) if (process.env[name] !== undefined) env[name] = process.env[name];
  return env;
}

/**
 * The ports `npm start` uses by default: the gateway's, PostgreSQL's, the config's subgraph ports and
 * each subgraph's TLS door for routers, 100 above its port (docs/security.md "Calls from any router").
 */
export function defaultPorts(clone: string): number[] {
  const config = JSON.parse(readFileSync(`${clone}/gateway/federation.config.json`, 'utf8')) as {
    subgraphs: { url: string }[];
    extensionSubgraphs?: { url: string }[];
  };
  const subgraphs = [...config.subgraphs, ...(config.extensionSubgraphs ?? [])].map((s) => Number(new URL(s.url).port));
  return [4000, 54329, ...subgraphs, ...subgraphs.map((port) => port + 100)];
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** This is the one test that uses the default ports, as a user would: say plainly when one is taken. */
export async function assertPortsFree(ports: number[]): Promise<void> {
  const taken = [];
  for (const port of ports) if (!(await portFree(port))) taken.push(port);
  if (taken.length > 0) {
    throw new Error(
      `The newcomer test runs \`npm start\` on its default ports, and ${taken.join(', ')} ${taken.length === 1 ? 'is' : 'are'} ` +
        'already in use on 127.0.0.1: stop whatever listens there (another `npm start`?) and run it again.',
    );
  }
}

export function run(command: string, args: string[], cwd: string): void {
  execFileSync(command, args, { cwd, env: scratchEnvironment(), stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
}

export interface Started {
  child: ChildProcess;
  output: string[];
}

/** `npm start` in its own process group (as a terminal would run it), until it says it is up. */
export async function npmStart(clone: string, timeoutMs: number): Promise<Started> {
  const child = spawn('npm', ['start'], { cwd: clone, env: scratchEnvironment(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) createInterface({ input: stream }).on('line', (line) => output.push(line));
  let poll: NodeJS.Timeout | undefined;
  let deadline: NodeJS.Timeout | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      poll = setInterval(() => {
        if (output.some((line) => line.includes('Nordic Leaders Federation is up in'))) resolve();
      }, 100);
      deadline = setTimeout(() => reject(new Error(`npm start was not up in ${timeoutMs / 1000} s:\n${output.join('\n')}`)), timeoutMs);
      child.once('exit', (code) => reject(new Error(`npm start exited (${code}):\n${output.join('\n')}`)));
    });
  } finally {
    clearInterval(poll);
    clearTimeout(deadline);
  }
  return { child, output };
}

/** Ctrl-C in a terminal: SIGINT to the whole process group. Resolves with npm's exit. */
export async function interrupt(started: Started): Promise<void> {
  if (started.child.exitCode !== null || started.child.signalCode !== null) return;
  const exited = new Promise((resolve) => started.child.once('exit', resolve));
  process.kill(-started.child.pid!, 'SIGINT');
  await exited;
}

/** Every process on the machine whose command line, working folder or executable lies under one of `folders`. */
export function processesUnder(folders: string[]): string[] {
  const found: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    let where: string[];
    try {
      const state = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (/^\S+ \(.*\) [ZX]/.test(state)) continue; // a zombie has ended; only its parent has yet to reap it
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      where = [cmdline, safeLink(`/proc/${entry}/cwd`), safeLink(`/proc/${entry}/exe`)];
    } catch {
      continue; // ended while we looked
    }
    if (where.some((text) => folders.some((folder) => text.includes(folder)))) found.push(`${entry}: ${where[0]}`);
  }
  return found;
}

function safeLink(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return '';
  }
}

export async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return true;
}

export async function comparisonDK(): Promise<unknown> {
  const response = await fetch('http://127.0.0.1:4000/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: '{ comparison(country: DK) { leaderMemberCount { low high estimate } organisations { id leaderMemberCount { low high } } } }',
    }),
  });
  return response.json();
}
