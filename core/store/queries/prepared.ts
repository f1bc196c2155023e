import type Database from 'better-sqlite3';
import type { Db } from '../open-database.ts';

type Mode = 'rows' | 'raw' | 'pluck';

const caches = new WeakMap<Db, Map<string, Database.Statement<unknown[], unknown>>>();

/**
 * A statement prepared once per database and kept: the dashboard asks for a report every few seconds, and a
 * report runs dozens of small statements (one per incident's samples, per deploy's side). The mode is part of
 * the key because `raw()`/`pluck()` change the statement itself.
 */
export function prepared<P extends unknown[], R>(db: Db, sql: string, mode: Mode = 'rows'): Database.Statement<P, R> {
  let cache = caches.get(db);
  if (cache === undefined) {
    cache = new Map();
    caches.set(db, cache);
  }
  const key = `${mode}\u0000${sql}`;
  let stmt = cache.get(key);
  if (stmt === undefined) {
    stmt = db.prepare<unknown[], unknown>(sql);
    if (mode === 'raw') stmt.raw();
    if (mode === 'pluck') stmt.pluck();
    cache.set(key, stmt);
  }
  return stmt as unknown as Database.Statement<P, R>;
}
