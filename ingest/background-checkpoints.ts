import { typescriptWorker } from './typescript-worker.ts';
import type { Db } from '../core/store/open-database.ts';

/** How often the checkpoint thread copies what the writer committed: about a batch's worth of pages. */
const INTERVAL_MS = 100;
const DEFAULT_AUTOCHECKPOINT = 1000;
/**
 * The writer's own checkpoints while the thread runs: only if the WAL outgrows 80 MB, which the thread keeps it
 * from unless it falls behind (it catches up whenever the writer pauses, and the WAL restarts from its start).
 */
const FALLBACK_AUTOCHECKPOINT = 20_000;

/**
 * Runs a bulk write with the WAL checkpoints on a second thread. With SQLite's automatic checkpoints the
 * writer stops every 1,000 pages to copy them into the database file and fsync it: a third of the time of
 * inserting entries, measured. Here the writer only appends to the WAL and a second connection copies behind
 * it. The automatic checkpoints are back on when the work ends, whatever its outcome.
 */
export async function withBackgroundCheckpoints<T>(store: { db: Db; path: string }, work: () => Promise<T>): Promise<T> {
  if (store.path === ':memory:' || store.db.pragma('journal_mode', { simple: true }) !== 'wal') return work();
  const worker = typescriptWorker(new URL('./wal-checkpoint-worker.ts', import.meta.url), {
    workerData: { path: store.path, intervalMs: INTERVAL_MS },
  });
  const ended = new Promise<void>((resolve) => {
    worker.once('message', () => resolve());
    worker.once('exit', () => resolve());
    // A checkpoint thread that failed changes nothing written: the writer checkpoints again itself.
    worker.once('error', () => {
      store.db.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT}`);
      resolve();
    });
  });
  store.db.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT}`);
  try {
    return await work();
  } finally {
    store.db.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT}`);
    worker.postMessage('stop');
    await ended;
    await worker.terminate();
  }
}
