import type { Store } from '../store.ts';
import type { ProxyFigures, Deploy } from '../../report.ts';
import type { TimeWindow } from './time-window.ts';

/** Proxy error codes: 5xx that users saw and the app never logged. */
export function proxyFigures(store: Store, w: TimeWindow): ProxyFigures {
  const rows = store.db
    .prepare<[number, number], { code: string | null; n: number }>(
      `SELECT json_extract(data, '$.code') AS code, count(*) AS n FROM events
       WHERE type = 'platform.proxy-error' AND time_ms >= ? AND time_ms < ? GROUP BY code ORDER BY code`,
    )
    .all(w.fromMs, w.toMs);
  const byCode: Record<string, number> = {};
  let errors = 0;
  for (const r of rows) {
    byCode[r.code ?? 'unknown'] = r.n;
    errors += r.n;
  }
  return { errors, byCode };
}

/** Machine starts: a deploy or a restart, drawn as annotations. */
export function deploys(store: Store, w: TimeWindow): Deploy[] {
  return store.db
    .prepare<[number, number], { time: string; instance: string; summary: string }>(
      "SELECT time, instance, summary FROM events WHERE type = 'platform.machine-start' AND time_ms >= ? AND time_ms < ? ORDER BY time_ms, id",
    )
    .all(w.fromMs, w.toMs)
    .map((r) => ({ at: r.time, instance: r.instance, summary: r.summary }));
}
