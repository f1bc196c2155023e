import type { Store } from '../store.ts';
import type { Deploy, DeployImpact, DeployWindowFigures } from '../../report.ts';
import type { TimeWindow } from './time-window.ts';
import { prepared } from './prepared.ts';
import { percentile } from '../../metrics/latency-summary.ts';

/** Each side of a deploy: 15 minutes, unless the report's window ends sooner. */
export const DEPLOY_SIDE_MS = 15 * 60_000;
/** Machine starts this close together are one deploy (a rolling deploy starts its machines one by one). */
export const DEPLOY_GROUP_MS = 5 * 60_000;

/** Figures in equal windows before and after each deploy of the window: did the deploy change anything? */
export function deployImpact(store: Store, w: TimeWindow, deploys: readonly Deploy[], gaps: readonly TimeWindow[]): DeployImpact[] {
  const out: DeployImpact[] = [];
  for (const group of groupDeploys(deploys)) {
    const at = Date.parse((group[0] as Deploy).at);
    const side = Math.floor(Math.min(DEPLOY_SIDE_MS, at - w.fromMs, w.toMs - at) / 60_000) * 60_000;
    if (side < 60_000) continue;
    out.push({
      at: new Date(at).toISOString(),
      instances: [...new Set(group.map((d) => d.instance))].sort(),
      windowMinutes: side / 60_000,
      before: windowFigures(store, { fromMs: at - side, toMs: at }, gaps),
      after: windowFigures(store, { fromMs: at, toMs: at + side }, gaps),
    });
  }
  return out;
}

export function groupDeploys(deploys: readonly Deploy[]): Deploy[][] {
  const groups: Deploy[][] = [];
  let lastAt = -Infinity;
  for (const d of [...deploys].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))) {
    const t = Date.parse(d.at);
    const current = groups[groups.length - 1];
    if (current && t - lastAt <= DEPLOY_GROUP_MS) current.push(d);
    else groups.push([d]);
    lastAt = t;
  }
  return groups;
}

/** The headline figures of a short window, straight from the rows (a deploy's side is minutes long). */
export function windowFigures(store: Store, w: TimeWindow, gaps: readonly TimeWindow[]): DeployWindowFigures {
  const db = store.db;
  const streams = prepared<[number, number], { opened: number; reconnects: number }>(
    db,
    'SELECT total(failed = 0) AS opened, total(reconnect) AS reconnects FROM streams WHERE open_ms >= ? AND open_ms < ?',
  ).get(w.fromMs, w.toMs) ?? { opened: 0, reconnects: 0 };
  const byType = new Map<string, number>();
  const events = prepared<[number, number], { type: string; n: number }>(
    db,
    `SELECT type, count(*) AS n FROM events WHERE type IN ('stream.fail', 'stream.error', 'platform.proxy-error', 'ratelimit.violation')
     AND time_ms >= ? AND time_ms < ? GROUP BY type`,
  );
  for (const r of events.all(w.fromMs, w.toMs)) byType.set(r.type, r.n);
  const firstToken = Float64Array.from(
    prepared<[number, number], number>(
      db,
      'SELECT first_token_ms FROM streams WHERE first_token_at >= ? AND first_token_at < ? AND first_token_ms IS NOT NULL',
      'pluck',
    ).all(w.fromMs, w.toMs),
  ).sort();
  const failed = byType.get('stream.fail') ?? 0;
  const errors = failed + (byType.get('stream.error') ?? 0);
  const attempts = streams.opened + failed;
  let sum = 0;
  for (const v of firstToken) sum += v;
  return {
    from: new Date(w.fromMs).toISOString(),
    to: new Date(w.toMs).toISOString(),
    attempts,
    opened: streams.opened,
    failed,
    errors,
    errorRate: attempts === 0 ? null : errors / attempts,
    successRate: attempts === 0 ? null : streams.opened / attempts,
    reconnects: streams.reconnects,
    firstTokenAvg: firstToken.length === 0 ? null : sum / firstToken.length,
    firstTokenP95: percentile(Array.from(firstToken), 95),
    proxyErrors: byType.get('platform.proxy-error') ?? 0,
    violations: byType.get('ratelimit.violation') ?? 0,
    incomplete: gaps.some((g) => g.fromMs < w.toMs && g.toMs > w.fromMs),
  };
}
