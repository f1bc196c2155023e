import { summarize } from '../../events/summarize.ts';
import type { Store } from '../store.ts';
import type { ProxyFigures, Deploy } from '../../report.ts';
import type { MinuteCounts } from '../../metrics/per-minute.ts';
import type { MachineEvent } from '../../metrics/incidents.ts';
import type { TimeWindow } from './time-window.ts';
import { prepared } from './prepared.ts';
import type { MinuteCountReader } from './minute-count-reader.ts';

export interface ProxyWindow {
  figures: ProxyFigures;
  byCodePerMinute: Map<string, MinuteCounts>;
}

/** Proxy error codes: 5xx that users saw and the app never logged. */
export function proxyFigures(counts: MinuteCountReader): ProxyWindow {
  const byCode: Record<string, number> = {};
  const byCodePerMinute = new Map<string, MinuteCounts>();
  let errors = 0;
  for (const [kind, t] of [...counts.totalsOf('proxy:')].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const code = kind.slice(6);
    byCode[code] = t.n;
    errors += t.n;
    byCodePerMinute.set(code, counts.perMinute(kind));
  }
  return { figures: { errors, byCode }, byCodePerMinute };
}

/** Machine starts: a deploy or a restart, drawn as annotations. */
export function deploys(store: Store, w: TimeWindow): Deploy[] {
  return prepared<[number, number], { time: string; instance: string; message: string }>(
    store.db,
    "SELECT time, instance, message FROM events WHERE type = 'platform.machine-start' AND time_ms >= ? AND time_ms < ? ORDER BY time_ms, id",
  )
    .all(w.fromMs, w.toMs)
    .map((r) => ({ at: r.time, instance: r.instance, summary: summarize(r.message) }));
}

/** Starts, exits and failed health checks: what a machine episode is made of. */
export function machineEvents(store: Store, w: TimeWindow): MachineEvent[] {
  return prepared<[number, number], { time_ms: number; type: MachineEvent['type']; instance: string }>(
    store.db,
    `SELECT time_ms, type, instance FROM events
     WHERE type IN ('platform.machine-start', 'platform.machine-exit', 'platform.health-fail') AND time_ms >= ? AND time_ms < ?
     ORDER BY time_ms, id`,
  )
    .all(w.fromMs, w.toMs)
    .map((r) => ({ timeMs: r.time_ms, type: r.type, instance: r.instance }));
}
