import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** Debian's nginx (installed on the CI machine with the rest of Debian's tools). */
export const NGINX = '/usr/sbin/nginx';

export interface TestNginx {
  port: number;
  /** Output of the server (its error log goes to stderr). */
  lines: string[];
  /** Stops nginx by its master's PID (SIGQUIT: finish what it holds) and removes its folder. */
  stop(): Promise<void>;
}

/**
 * The committed nginx.conf as this machine runs it: each upstream `server name:port` replaced by the
 * address given for it, `listen <port>` by 127.0.0.1 and `port`, and /tmp (pid, temporary files) by
 * a folder of the test's own. Nothing else changes.
 */
export function localNginxConfig(committed: string, options: { upstreams: Record<string, string>; port: number; dir: string }): string {
  let text = committed.replace(/^(\s*listen\s+)\d+;/m, `$1127.0.0.1:${options.port};`).replaceAll('/tmp/', `${options.dir}/`);
  for (const [name, address] of Object.entries(options.upstreams)) {
    text = text.replace(new RegExp(`(\\bserver\\s+)${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+`), `$1${address}`);
  }
  return text;
}

/** `nginx -t` on a config: its exit status and output. */
export function checkNginxConfig(configPath: string, prefix: string): { status: number | null; output: string } {
  const result = spawnSync(NGINX, ['-t', '-e', 'stderr', '-p', prefix, '-c', configPath], { encoding: 'utf8', timeout: 10_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** A folder for one nginx of a test, and the path of its config there. */
export function nginxFolder(config: (dir: string) => string): { dir: string; configPath: string } {
  if (!existsSync(NGINX)) throw new Error(`${NGINX} is missing: apt-get install nginx`);
  const dir = mkdtempSync(join(tmpdir(), 'nlf-nginx-'));
  // Run as root, nginx's workers run as "nobody", which must reach their temporary folders in here.
  chmodSync(dir, 0o755);
  const configPath = join(dir, 'nginx.conf');
  writeFileSync(configPath, config(dir));
  return { dir, configPath };
}

/** Runs nginx in the foreground with the config at `configPath`, once it accepts connections on `port`. */
export async function startTestNginx(folder: { dir: string; configPath: string }, port: number): Promise<TestNginx> {
  const child = spawn(NGINX, ['-e', 'stderr', '-p', folder.dir, '-c', folder.configPath, '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) createInterface({ input: stream }).on('line', (line) => lines.push(line));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGQUIT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(folder.dir, { recursive: true, force: true });
  };
  for (let attempt = 0; ; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}):\n${lines.join('\n')}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      }).on('error', () => resolve(false));
    });
    if (open) break;
    if (attempt > 100) {
      await stop();
      throw new Error(`nginx did not listen on ${port}:\n${lines.join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { port, lines, stop };
}
