import { Client } from 'pg';
import { DATA_VERSION_CHANNEL } from '../db/migrations/Migration20261125000000_dataVersionNotify';
import type { Logger } from '../observability';

/** One who follows the announced versions: told each, and told when the announcements stop. */
export interface Follower {
  send(version: string): void;
  end(): void;
}

/**
 * One LISTEN connection per subgraph, shared by every follower. When it is lost, every stream ends,
 * so that a follower never takes silence for "unchanged": it goes back to asking, and reconnects.
 */
export class DataVersionListener {
  private client: Client | undefined;
  private connecting: Promise<void> | undefined;
  private readonly followers = new Set<Follower>();

  constructor(
    private readonly url: string,
    private readonly logger: Logger,
  ) {}

  async follow(follower: Follower): Promise<() => void> {
    await this.connect();
    this.followers.add(follower);
    return () => this.followers.delete(follower);
  }

  async close(): Promise<void> {
    this.endAll();
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private connect(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= (async () => {
      const client = new Client({ connectionString: this.url });
      // @types/pg's `events` import resolves to the npm polyfill in this workspace, which hides the
      // typed overloads: the client is used through Node's own EventEmitter type.
      const events = client as unknown as NodeJS.EventEmitter;
      events.on('notification', (message: { channel: string; payload?: string }) => {
        if (message.channel !== DATA_VERSION_CHANNEL || !message.payload) return;
        for (const follower of this.followers) follower.send(message.payload);
      });
      const lost = (error?: Error) => {
        if (this.client !== client) return;
        this.logger.warn({ err: error }, 'data version LISTEN connection lost; followers are disconnected');
        this.client = undefined;
        this.endAll();
        void client.end().catch(() => undefined);
      };
      events.on('error', lost);
      events.on('end', () => lost());
      try {
        await client.connect();
        await client.query(`LISTEN ${DATA_VERSION_CHANNEL}`);
        this.client = client;
      } catch (error) {
        await client.end().catch(() => undefined);
        throw error;
      }
    })().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private endAll(): void {
    for (const follower of [...this.followers]) follower.end();
    this.followers.clear();
  }
}
