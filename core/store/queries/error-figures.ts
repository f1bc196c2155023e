import type { Store } from '../store.ts';
import type { TimeWindow } from './time-window.ts';

/** `errors.count` = stream failures + backend stream errors; the rate is taken over attempts by the caller. */
export function errorCount(store: Store, w: TimeWindow): number {
  return (
    store.db
      .prepare<[number, number], { n: number }>(
        "SELECT count(*) AS n FROM events WHERE type IN ('stream.fail', 'stream.error') AND time_ms >= ? AND time_ms < ?",
      )
      .get(w.fromMs, w.toMs)?.n ?? 0
  );
}
