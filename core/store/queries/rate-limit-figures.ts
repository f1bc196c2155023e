import type { Store } from '../store.ts';
import type { RateLimitFigures } from '../../report.ts';
import type { TimeWindow } from './time-window.ts';

const TOP_KEYS = 10;

/** Violations, the test plan's share, and the keys that hit the limiter most: by fingerprint, shown masked. */
export function rateLimitFigures(store: Store, w: TimeWindow, hours: number): RateLimitFigures {
  const db = store.db;
  const totals = db
    .prepare<[number, number], { n: number; test: number }>(
      "SELECT count(*) AS n, coalesce(sum(test), 0) AS test FROM events WHERE type = 'ratelimit.violation' AND time_ms >= ? AND time_ms < ?",
    )
    .get(w.fromMs, w.toMs) ?? { n: 0, test: 0 };
  const topKeys = db
    .prepare<[number, number, number], { key: string; count: number; test: number }>(
      `SELECT min(key_display) AS key, count(*) AS count, max(test) AS test FROM events
       WHERE type = 'ratelimit.violation' AND time_ms >= ? AND time_ms < ? AND key_fp IS NOT NULL
       GROUP BY key_fp ORDER BY count DESC, key ASC LIMIT ?`,
    )
    .all(w.fromMs, w.toMs, TOP_KEYS)
    .map((r) => ({ key: r.key, count: r.count, test: r.test === 1 }));
  return {
    violations: totals.n,
    perHour: hours > 0 ? totals.n / hours : null,
    testTraffic: totals.test,
    topKeys,
  };
}
