import type { Store } from '../store.ts';
import type { TimeWindow } from './time-window.ts';
import { prepared } from './prepared.ts';

export interface ResolvedWindow extends TimeWindow {
  /** What the report shows: the bounds asked for, an unbounded side as the store's first or last entry time. */
  from: string | null;
  to: string | null;
  /** Hours the window spans, for per-hour rates; null when it spans no time. */
  hours: number | null;
}

const HOUR_MS = 3_600_000;

/**
 * `[from, to)` on entry time; no bound means the whole store (spec/metrics.md § Time). An unbounded end takes in
 * the last entry, so the window ends 1 ms after it; per-hour rates of an unbounded window span the first to the
 * last entry.
 */
export function resolveWindow(store: Store, req: { fromMs: number | null; toMs: number | null }): ResolvedWindow {
  // Two subqueries: SQLite answers a lone min() or max() from the index, but not both in one select.
  const extent = prepared<[], { first: number | null; last: number | null }>(
    store.db,
    'SELECT (SELECT min(time_ms) FROM entries) AS first, (SELECT max(time_ms) FROM entries) AS last',
  )
    .get() ?? { first: null, last: null };
  const fromMs = req.fromMs ?? extent.first ?? req.toMs ?? 0;
  const toMs = Math.max(fromMs, req.toMs ?? (extent.last !== null ? extent.last + 1 : fromMs));
  const spanFrom = req.fromMs ?? extent.first;
  const spanTo = req.toMs ?? (extent.last === null ? null : Math.max(extent.last, fromMs));
  const spanMs = spanFrom !== null && spanTo !== null ? spanTo - spanFrom : 0;
  return {
    fromMs,
    toMs,
    from: spanFrom === null ? null : new Date(spanFrom).toISOString(),
    to: spanTo === null ? null : new Date(spanTo).toISOString(),
    hours: spanMs > 0 ? spanMs / HOUR_MS : null,
  };
}
