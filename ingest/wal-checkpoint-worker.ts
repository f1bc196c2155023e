import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

/**
 * Copies the WAL into the database file on its own connection and thread while the writer goes on appending:
 * a PASSIVE checkpoint never blocks the writer, and its reads, writes and fsyncs leave the writer's thread.
 */
const port = parentPort;
if (port === null) throw new Error('wal-checkpoint-worker.ts runs only as a worker thread');
const { path, intervalMs } = workerData as { path: string; intervalMs: number };
const db = new Database(path, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
// This connection only checkpoints; it must never start one of its own on a write (it makes none).
db.pragma('wal_autocheckpoint = 0');

const checkpoint = (): void => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy: the next tick tries again, and the writer's own checkpoint at the end catches up in any case.
  }
};
const timer = setInterval(checkpoint, intervalMs);
port.on('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  port.postMessage('stopped');
});
