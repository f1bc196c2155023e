import type { Store } from '../store.ts';
import type { TimeWindow } from './time-window.ts';
import { prepared } from './prepared.ts';

export interface GapSpan extends TimeWindow {
  reason: string;
}

/** Windows in which the source was down longer than its replay could cover, that overlap the window. */
export function gapSpansIn(store: Store, w: TimeWindow): GapSpan[] {
  return prepared<[number, number], { from_ms: number; to_ms: number; reason: string }>(
    store.db,
    'SELECT from_ms, to_ms, reason FROM gaps WHERE to_ms > ? AND from_ms < ? ORDER BY from_ms, id',
  )
    .all(w.fromMs, w.toMs)
    .map((g) => ({ fromMs: g.from_ms, toMs: g.to_ms, reason: g.reason }));
}
