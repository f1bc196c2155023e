import { rmSync } from 'node:fs';

/** Removes a store and the files beside it (WAL, shared memory, secret), so that a bench starts from nothing. */
export function removeStoreFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '.secret']) rmSync(path + suffix, { force: true });
}
