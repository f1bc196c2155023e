/**
 * The opaque `cursor` of paged answers (`/api/events`, `/api/findings`): where the last page ended, as the
 * (time, id) of its last row. Keyset paging stays exact while rows arrive at the top, and costs one index seek
 * however deep the page.
 */
export interface PagePosition {
  timeMs: number;
  id: number;
}

export class InvalidCursorError extends Error {
  constructor() {
    super('the cursor is not one this service gave out: start again without it');
  }
}

export function encodeCursor(position: PagePosition): string {
  return Buffer.from(`${position.timeMs}.${position.id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): PagePosition {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(cursor)) throw new InvalidCursorError();
  const m = /^(-?\d{1,16})\.(\d{1,16})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw new InvalidCursorError();
  const timeMs = Number(m[1]);
  const id = Number(m[2]);
  if (!Number.isSafeInteger(timeMs) || !Number.isSafeInteger(id)) throw new InvalidCursorError();
  return { timeMs, id };
}

/** `limit` of a paged answer: at most 500, 100 when absent. */
export const MAX_PAGE_LIMIT = 500;
export const DEFAULT_PAGE_LIMIT = 100;

export function pageLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_PAGE_LIMIT;
  return Math.min(MAX_PAGE_LIMIT, Math.max(1, Math.floor(limit)));
}

/** The window and the cursor of a newest-first page, as SQL conditions on `time_ms` and `id`. */
export function timePageConditions(
  query: { fromMs?: number | null; toMs?: number | null; cursor?: string | null },
  where: string[],
  params: (string | number)[],
): void {
  if (query.fromMs !== undefined && query.fromMs !== null) {
    where.push('time_ms >= ?');
    params.push(query.fromMs);
  }
  if (query.toMs !== undefined && query.toMs !== null) {
    where.push('time_ms < ?');
    params.push(query.toMs);
  }
  if (query.cursor !== undefined && query.cursor !== null && query.cursor !== '') {
    const after = decodeCursor(query.cursor);
    where.push('(time_ms, id) < (?, ?)');
    params.push(after.timeMs, after.id);
  }
}
