import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SchemaChange } from './schemaDiff';

/**
 * gateway/acknowledged-changes.json: breaking changes the federation has agreed to ship, each with the
 * reason, reviewed like code. `npm run check` passes a breaking change only when its id is listed here.
 */
export const ACKNOWLEDGEMENTS_FILE = join(__dirname, '..', '..', 'acknowledged-changes.json');

export interface Acknowledgement {
  /** The change's id exactly as `npm run check` prints it, e.g. "FIELD_REMOVED Lederne.register". */
  change: string;
  /** Why clients can live with it (who was told, until when the old field was deprecated...). */
  reason: string;
}

export function loadAcknowledgements(path = ACKNOWLEDGEMENTS_FILE): Acknowledgement[] {
  if (!existsSync(path)) return [];
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { acknowledged?: unknown };
  if (!Array.isArray(raw.acknowledged)) throw new Error(`${path}: expected { "acknowledged": [{ "change": "...", "reason": "..." }] }`);
  return raw.acknowledged.map((entry: Partial<Acknowledgement>, index: number) => {
    if (typeof entry?.change !== 'string' || typeof entry.reason !== 'string' || !entry.reason.trim()) {
      throw new Error(`${path}: acknowledged[${index}] needs a "change" (as npm run check prints it) and a non-empty "reason"`);
    }
    return { change: entry.change, reason: entry.reason };
  });
}

export interface CheckVerdict {
  breaking: (SchemaChange & { acknowledged?: Acknowledgement })[];
  safe: SchemaChange[];
  /** Breaking changes nobody acknowledged: the check fails on these. */
  unacknowledged: SchemaChange[];
  /** Acknowledgements that match no change (already shipped, or mistyped): can be removed. */
  unused: Acknowledgement[];
}

export function judgeChanges(changes: SchemaChange[], acknowledgements: Acknowledgement[]): CheckVerdict {
  const byId = new Map(acknowledgements.map((a) => [a.change, a]));
  const breaking = changes.filter((c) => c.severity === 'breaking').map((c) => ({ ...c, acknowledged: byId.get(c.id) }));
  const ids = new Set(changes.map((c) => c.id));
  return {
    breaking,
    safe: changes.filter((c) => c.severity === 'safe'),
    unacknowledged: breaking.filter((c) => !c.acknowledged),
    unused: acknowledgements.filter((a) => !ids.has(a.change)),
  };
}
