import type { Database } from '../db/database';
import { pendingMigrations } from '../db/database';

export interface Readiness {
  ready: boolean;
  checks: { database: 'ok' | 'unavailable'; migrations: 'applied' | 'pending' | 'unknown'; pending?: string[] };
}

/** Ready to serve: the database answers and every migration this subgraph knows has been applied. */
export async function readiness(database: Database): Promise<Readiness> {
  try {
    await database.orm.em.getConnection().execute('select 1');
  } catch {
    return { ready: false, checks: { database: 'unavailable', migrations: 'unknown' } };
  }
  try {
    const pending = await pendingMigrations(database.orm);
    if (pending.length) return { ready: false, checks: { database: 'ok', migrations: 'pending', pending } };
    return { ready: true, checks: { database: 'ok', migrations: 'applied' } };
  } catch {
    return { ready: false, checks: { database: 'ok', migrations: 'unknown' } };
  }
}
