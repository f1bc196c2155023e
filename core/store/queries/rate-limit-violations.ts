import type { Store } from '../store.ts';
import type { TimeWindow } from './time-window.ts';
import { prepared } from './prepared.ts';
import type { Violation } from '../../metrics/incidents.ts';

/** The window's rate-limit violations, oldest first: few enough to read whole (the limiter allows 20 a minute). */
export function violationsIn(store: Store, w: TimeWindow): Violation[] {
  // One JSON array instead of a row object per violation: a window of a 429 storm holds thousands.
  const json = prepared<[number, number], string>(
    store.db,
    `SELECT json_group_array(json_array(time_ms, key_fp, key_display, test)) FROM (
       SELECT time_ms, key_fp, key_display, test FROM events WHERE type = 'ratelimit.violation' AND time_ms >= ? AND time_ms < ? ORDER BY time_ms, id)`,
    'pluck',
  ).get(w.fromMs, w.toMs);
  const rows = JSON.parse(json ?? '[]') as Array<[number, string | null, string | null, number]>;
  return rows.map(([timeMs, keyFingerprint, key, test]) => ({ timeMs, keyFingerprint, key, test: test === 1 }));
}
