import type { Db } from './open-database.ts';
import { MetaTable } from './meta.ts';

/**
 * Rows looked at per sweep: about 50 ms on a 1.5M-row table beside a 1M-entry store (bench/audit-sweep.ts), so
 * that the hourly purge never holds the ingest up long; such a table is gone through in about six days.
 */
export const SWEEP_ROWS = 10_000;
const CURSOR_KEY = 'audit_mac_sweep';

type Cursor = [mac: string, kind: string, entryId: number];

/**
 * The keyed hash of an audit line's queryHash waits in `query_hash_macs` for its query to leak, so that the
 * entry can be flagged then (linkable-hash). Once retention has deleted the entry it waits for nothing, and a
 * backend that hashes properly writes one such row per stream: without this sweep the table would only grow.
 * The table is ordered by the hash, not by time, so each call looks at the next SWEEP_ROWS rows after where the
 * last one stopped (kept in `meta`), and starts over at the end. Returns how many rows it deleted.
 */
export function sweepAuditMacs(db: Db, rows = SWEEP_ROWS): number {
  const meta = new MetaTable(db);
  const cursor = meta.get<Cursor>(CURSOR_KEY) ?? ['', '', 0];
  const slice = db
    .prepare<[string, string, number, number], { mac: string; kind: string; entry_id: number }>(
      'SELECT mac, kind, entry_id FROM query_hash_macs WHERE (mac, kind, entry_id) > (?, ?, ?) ORDER BY mac, kind, entry_id LIMIT ?',
    )
    .all(...cursor, rows);
  const entryExists = db.prepare<[number], number>('SELECT 1 FROM entries WHERE id = ?').pluck();
  const remove = db.prepare<[string, number]>("DELETE FROM query_hash_macs WHERE mac = ? AND kind = 'audit' AND entry_id = ?");
  let deleted = 0;
  for (const r of slice) {
    if (r.kind === 'audit' && entryExists.get(r.entry_id) === undefined) deleted += remove.run(r.mac, r.entry_id).changes;
  }
  const last = slice[slice.length - 1];
  meta.set(CURSOR_KEY, slice.length < rows || last === undefined ? ['', '', 0] : [last.mac, last.kind, last.entry_id]);
  return deleted;
}
