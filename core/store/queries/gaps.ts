import type { Store } from '../store.ts';
import type { Gap } from '../../report.ts';
import type { TimeWindow } from './time-window.ts';

/** Windows in which the source was down longer than its replay could cover. */
export function gapsIn(store: Store, w: TimeWindow): Gap[] {
  return store.db
    .prepare<[number, number], { from_ms: number; to_ms: number; reason: string }>(
      'SELECT from_ms, to_ms, reason FROM gaps WHERE to_ms > ? AND from_ms < ? ORDER BY from_ms',
    )
    .all(w.fromMs, w.toMs)
    .map((g) => ({ from: new Date(g.from_ms).toISOString(), to: new Date(g.to_ms).toISOString(), reason: g.reason }));
}
