import type { Store } from '../store.ts';
import type { Report } from '../../report.ts';
import type { TimeWindow } from './time-window.ts';
import { connectionFigures } from './connection-figures.ts';
import { latencyFigures } from './latency-figures.ts';
import { errorCount } from './error-figures.ts';
import { rateLimitFigures } from './rate-limit-figures.ts';
import { proxyFigures, deploys } from './proxy-figures.ts';
import { gdprFigures } from './gdpr-figures.ts';
import { gapsIn } from './gaps.ts';
import { evaluateTargets } from '../../metrics/targets.ts';

export interface ReportRequest {
  /** Epoch ms; null for no bound. */
  fromMs: number | null;
  toMs: number | null;
  includeTestTraffic?: boolean;
}

const HOUR_MS = 3_600_000;

/** The report of one window (spec/interfaces.md § report --format json). */
export function buildReport(store: Store, req: ReportRequest): Report {
  const extent = store.db
    .prepare<[], { first: number | null; last: number | null }>('SELECT min(time_ms) AS first, max(time_ms) AS last FROM entries')
    .get() ?? { first: null, last: null };
  const fromMs = req.fromMs ?? extent.first ?? 0;
  // An unbounded end takes in the last entry: the window is [from, to) and the last entry must be inside.
  const toMs = req.toMs ?? (extent.last !== null ? extent.last + 1 : fromMs);
  const w: TimeWindow = { fromMs, toMs };
  const spanMs = req.fromMs !== null && req.toMs !== null ? req.toMs - req.fromMs : (req.toMs ?? extent.last ?? fromMs) - fromMs;
  const hours = spanMs > 0 ? spanMs / HOUR_MS : null;

  const entries = store.db
    .prepare<[number, number], { n: number }>('SELECT count(*) AS n FROM entries WHERE time_ms >= ? AND time_ms < ?')
    .get(fromMs, toMs)?.n ?? 0;
  const connections = connectionFigures(store, w);
  const latency = latencyFigures(store, w);
  const count = errorCount(store, w);
  const errors = { count, rate: connections.attempts === 0 ? null : count / connections.attempts };
  const rateLimit = rateLimitFigures(store, w, hours ?? 0);
  const gdpr = gdprFigures(store, w);
  const figures = { entries, connections, latency, errors, rateLimit, gdpr };
  return {
    window: {
      from: req.fromMs !== null ? new Date(req.fromMs).toISOString() : extent.first !== null ? new Date(extent.first).toISOString() : null,
      to: req.toMs !== null ? new Date(req.toMs).toISOString() : extent.last !== null ? new Date(extent.last).toISOString() : null,
    },
    ...figures,
    proxy: proxyFigures(store, w),
    targets: evaluateTargets(figures, { hours, includeTestTraffic: req.includeTestTraffic ?? false }),
    incidents: [],
    deploys: deploys(store, w),
    gaps: gapsIn(store, w),
    series: [],
  };
}
