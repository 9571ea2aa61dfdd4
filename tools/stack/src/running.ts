import { dropDatabase, ensureDatabase, type AdminConnection } from './databases.js';
import { forgetDeadChild, type EmbeddedPostgres } from './embedded.js';
import { LOOPBACK } from './ports.js';
import { isProcessAlive, signalIfAlive, waitForExit } from './processes.js';
import type { RunningPostgres, Settings } from './types.js';

const STOP_GRACE_MS = 10_000;

export class RunningInstance implements RunningPostgres {
  readonly host = LOOPBACK;
  private stopping: Promise<void> | undefined;

  constructor(
    private readonly settings: Settings,
    private readonly instance: EmbeddedPostgres,
    readonly pid: number,
  ) {}

  get port(): number {
    return this.settings.port;
  }
  get user(): string {
    return this.settings.user;
  }
  get password(): string {
    return this.settings.password;
  }
  get dataDir(): string {
    return this.settings.dataDir;
  }

  url(database: string): string {
    const credentials = `${encodeURIComponent(this.user)}:${encodeURIComponent(this.password)}`;
    return `postgres://${credentials}@${this.host}:${this.port}/${encodeURIComponent(database)}`;
  }

  private connection(): AdminConnection {
    return { host: this.host, port: this.port, user: this.user, password: this.password };
  }

  ensureDatabase(name: string): Promise<void> {
    return ensureDatabase(this.connection(), name);
  }

  dropDatabase(name: string): Promise<void> {
    return dropDatabase(this.connection(), name);
  }

  stop(): Promise<void> {
    this.stopping ??= this.shutdown();
    return this.stopping;
  }

  private async shutdown(): Promise<void> {
    if (!(await isProcessAlive(this.pid))) {
      forgetDeadChild(this.instance);
      this.settings.log(`PostgreSQL (PID ${this.pid}) had already exited`);
      return;
    }
    const libraryStop = this.instance.stop(); // SIGINT to its child; settles on the child's exit
    if (!(await waitForExit(this.pid, STOP_GRACE_MS))) {
      this.settings.log(`PostgreSQL (PID ${this.pid}) ignored SIGINT for ${STOP_GRACE_MS / 1000} s; killing it`);
      signalIfAlive(this.pid, 'SIGKILL');
    }
    await libraryStop;
    this.settings.log(`PostgreSQL (PID ${this.pid}) stopped`);
  }
}
