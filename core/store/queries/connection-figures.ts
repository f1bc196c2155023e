import type { Store } from '../store.ts';
import type { ConnectionFigures } from '../../report.ts';
import type { TimeWindow } from './time-window.ts';
import { STALE_AFTER_MS } from './time-window.ts';
import { activeAt, peakConcurrent } from '../../metrics/concurrency.ts';
import type { StreamSpan } from '../../metrics/concurrency.ts';

/** Connections of spec/metrics.md: opens and reconnects from streams, failures from fail events. */
export function connectionFigures(store: Store, w: TimeWindow): ConnectionFigures {
  const db = store.db;
  const opens = db
    .prepare<[number, number], { opened: number; reconnects: number }>(
      `SELECT coalesce(sum(failed = 0), 0) AS opened, coalesce(sum(reconnect), 0) AS reconnects
       FROM streams WHERE open_ms >= ? AND open_ms < ?`,
    )
    .get(w.fromMs, w.toMs) ?? { opened: 0, reconnects: 0 };
  const failed = db
    .prepare<[number, number], { n: number }>("SELECT count(*) AS n FROM events WHERE type = 'stream.fail' AND time_ms >= ? AND time_ms < ?")
    .get(w.fromMs, w.toMs)?.n ?? 0;
  const closed = db
    .prepare<[number, number], { n: number }>('SELECT count(*) AS n FROM streams WHERE close_ms >= ? AND close_ms < ?')
    .get(w.fromMs, w.toMs)?.n ?? 0;
  const spans = streamSpans(store, w);
  const attempts = opens.opened + failed;
  return {
    attempts,
    opened: opens.opened,
    closed,
    failed,
    reconnects: opens.reconnects,
    active: activeAt(spans, w.toMs),
    peakConcurrent: peakConcurrent(spans, w.fromMs, w.toMs),
    successRate: attempts === 0 ? null : opens.opened / attempts,
  };
}

/** The streams that were open at some instant of the window: opened before its end, not yet gone at its start. */
export function streamSpans(store: Store, w: TimeWindow): StreamSpan[] {
  return store.db
    .prepare<[number, number, number], { open_ms: number; close_ms: number | null }>(
      `SELECT open_ms, close_ms FROM streams
       WHERE failed = 0 AND open_ms IS NOT NULL AND open_ms < ? AND open_ms >= ? AND (close_ms IS NULL OR close_ms >= ?)`,
    )
    .all(w.toMs, w.fromMs - STALE_AFTER_MS, w.fromMs)
    .map((r) => ({ openMs: r.open_ms, closeMs: r.close_ms }));
}
