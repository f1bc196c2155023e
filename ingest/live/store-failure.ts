/** What went wrong with a write, said so that an operator knows what to do; never the error's own text. */
export interface StoreFailure {
  reason: string;
  /** The connection itself may be the problem (read-only, unopenable): open a new one before retrying. */
  reopen: boolean;
}

export function describeStoreFailure(err: unknown, path: string): StoreFailure {
  const code = (err as { code?: unknown }).code;
  const c = typeof code === 'string' ? code : '';
  if (c === 'SQLITE_FULL') return { reason: `the database ${path} is full (disk or size limit): free space; ingest resumes by itself`, reopen: false };
  if (c.startsWith('SQLITE_READONLY') || c === 'EROFS' || c === 'EACCES' || c === 'EPERM') {
    return { reason: `the database ${path} is read-only: make it writable; ingest resumes by itself`, reopen: true };
  }
  if (c === 'SQLITE_BUSY' || c === 'SQLITE_LOCKED') return { reason: `the database ${path} is locked by another process`, reopen: false };
  if (c.startsWith('SQLITE_IOERR') || c === 'SQLITE_CANTOPEN' || c === 'ENOENT' || c === 'ENOSPC') {
    return { reason: `the database ${path} cannot be written (${c}): check its disk and folder`, reopen: true };
  }
  if (c === 'SQLITE_CORRUPT' || c === 'SQLITE_NOTADB') return { reason: `${path} is damaged or not a flight-recorder database`, reopen: true };
  return { reason: `writing to ${path} failed (${c === '' ? (err instanceof Error ? err.name : 'error') : c})`, reopen: false };
}
