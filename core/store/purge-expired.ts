import type { Store } from './store.ts';
import { sweepAuditMacs } from './sweep-audit-macs.ts';

export const DEFAULT_RETENTION_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * Retention: entries and events older than the retention are deleted. Findings keep their masked form (they hold
 * no value), streams keep their figures, and the keyed hashes of connection ids and
 * leaked query hashes stay: they hold nothing readable and keep the reconnect and linkable-hash rules right.
 * The hashes of audit lines that waited for a leak go with their entries (sweepAuditMacs, a slice per purge).
 */
export function purgeExpired(store: Store, nowMs: number, retentionDays = DEFAULT_RETENTION_DAYS): { entries: number; events: number; auditMacs: number } {
  const cutoff = nowMs - retentionDays * DAY_MS;
  const db = store.db;
  return db.transaction(() => {
    const events = db.prepare('DELETE FROM stored_events WHERE time_ms < ?').run(cutoff).changes;
    const entries = db.prepare('DELETE FROM entries WHERE time_ms < ?').run(cutoff).changes;
    return { entries, events, auditMacs: sweepAuditMacs(db) };
  })();
}
