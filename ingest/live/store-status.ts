import { statSync } from 'node:fs';
import type { StoreStatus } from '../../core/api.ts';
import type { Store } from '../../core/store/store.ts';

/** How big the store is on disk: the database and its write-ahead log (which can grow between checkpoints). */
export function storeBytes(path: string): number {
  let bytes = 0;
  for (const file of [path, `${path}-wal`]) {
    try {
      bytes += statSync(file).size;
    } catch {
      // Not there (yet): nothing to count.
    }
  }
  return bytes;
}

export function countEntries(store: Store): number {
  return store.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM entries').get()?.n ?? 0;
}

export function oldestEntryAt(store: Store): string | null {
  return store.db.prepare<[], { time: string }>('SELECT time FROM entries ORDER BY time_ms LIMIT 1').get()?.time ?? null;
}

export function initialStoreStatus(path: string, retentionDays: number): StoreStatus {
  return { path, bytes: storeBytes(path), writable: true, reason: null, retentionDays, entries: 0, oldestEntryAt: null };
}
