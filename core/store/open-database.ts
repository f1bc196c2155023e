import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIGRATIONS } from './migrations.ts';

export type Db = Database.Database;

export interface OpenOptions {
  readonly?: boolean;
}

/** Opens (creating when needed) and migrates the SQLite file. */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  if (path !== ':memory:' && !options.readonly) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  // Readers (the API, reports) never block the writer and the writer never blocks them.
  if (!options.readonly) db.pragma('journal_mode = WAL');
  // In WAL mode NORMAL survives a crash of the process (kill -9); only a power cut can lose the last commits,
  // which the sources replay anyway. FULL would fsync every batch.
  db.pragma('synchronous = NORMAL');
  // The service's reader connection and the writer may meet; wait instead of failing at once.
  db.pragma('busy_timeout = 5000');
  // Sorting and temp b-trees stay in memory: no temp file ever holds a row.
  db.pragma('temp_store = MEMORY');
  // 32 MB. Inserts land at the right edge of every index, so the writer needs little cache; the reports read
  // per-minute counts and the streams' covering indexes. More only added to the ingest's peak memory.
  db.pragma('cache_size = -32768');
  // An updated or deleted row leaves its old bytes in the page's free space; a later erasure could not reach
  // them. FAST zeroes them whenever that costs no extra I/O (within the b-tree pages); erasure turns on the full
  // mode for what remains.
  db.pragma('secure_delete = FAST');
  if (!options.readonly) migrate(db);
  return db;
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`the database was written by a newer flight-recorder (schema ${current}, this one knows ${MIGRATIONS.length}): upgrade`);
  }
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v] as string);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
