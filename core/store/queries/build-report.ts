import type { Store } from '../store.ts';
import { recommend } from '../../metrics/recommendation.ts';
import type { Report } from '../../report.ts';
import type { BucketChoice } from '../../metrics/buckets.ts';
import type { MinuteFigures } from '../../metrics/per-minute.ts';
import type { TimeWindow } from './time-window.ts';
import { ENTRIES_KIND, eventKind } from '../minute-counts.ts';
import { MinuteCountReader } from './minute-count-reader.ts';
import { resolveWindow } from './report-window.ts';
import { readStreamWindow } from './stream-minutes.ts';
import { violationsIn } from './rate-limit-violations.ts';
import { proxyFigures, deploys as deploysIn, machineEvents } from './proxy-figures.ts';
import { gdprFigures } from './gdpr-figures.ts';
import { gapSpansIn } from './gaps.ts';
import { incidentSamples } from './incident-samples.ts';
import { deployImpact } from './deploy-impact.ts';
import { evaluateTargets, ERROR_RATE_TARGET } from '../../metrics/targets.ts';
import { summarizeLatency } from '../../metrics/latency-summary.ts';
import { activeAtEach, peakOfSorted } from '../../metrics/concurrency.ts';
import { summarizeViolations, testViolationsPerMinute } from '../../metrics/rate-limit-summary.ts';
import { MINUTE_MS, addCount, sumOf, total } from '../../metrics/per-minute.ts';
import { BUCKET_MS, chooseBucket } from '../../metrics/buckets.ts';
import { buildSeries } from '../../metrics/series.ts';
import { detectIncidents } from '../../metrics/incidents.ts';

export interface ReportRequest {
  /** Epoch ms; null for no bound. */
  fromMs: number | null;
  toMs: number | null;
  includeTestTraffic?: boolean;
  /** The series' bucket; absent or null for the automatic choice, `none` for no series. */
  bucket?: BucketChoice;
}

/**
 * The report of one window (spec/interfaces.md § report --format json). Everything is summed from per-minute
 * figures (kept at ingest in `minute_counts`, or grouped from the streams' covering indexes), so the totals, the
 * series and the incidents agree, and a report over a million entries reads thousands of rows, not millions.
 * Percentiles stay exact: they come from every sample of the window.
 */
export function buildReport(store: Store, req: ReportRequest): Report {
  // One read transaction: every statement sees the same snapshot while the ingest keeps committing.
  return store.db.transaction(() => reportOf(store, req))();
}

function reportOf(store: Store, req: ReportRequest): Report {
  const win = resolveWindow(store, req);
  const w: TimeWindow = { fromMs: win.fromMs, toMs: win.toMs };
  const includeTestTraffic = req.includeTestTraffic ?? false;
  const gaps = gapSpansIn(store, w);
  const counts = new MinuteCountReader(store, w);
  const streams = readStreamWindow(store, w);
  const violations = violationsIn(store, w);
  const proxy = proxyFigures(counts);
  const gdpr = gdprFigures(store, w, counts, streams);

  const violationsPerMinute = new Map<number, number>();
  for (const v of violations) addCount(violationsPerMinute, Math.floor(v.timeMs / MINUTE_MS), 1);
  const minutes: MinuteFigures = {
    entries: counts.perMinute(ENTRIES_KIND),
    opened: streams.opened,
    reconnects: streams.reconnects,
    closed: streams.closed,
    failed: counts.perMinute(eventKind('stream.fail')),
    streamErrors: counts.perMinute(eventKind('stream.error')),
    violations: violationsPerMinute,
    testViolations: testViolationsPerMinute(violations),
    proxyErrors: sumOf(...proxy.byCodePerMinute.values()),
    highLeaks: sumOf(...gdpr.highLeaksByRule.values()),
    interTokenSum: streams.interTokenSum,
    interTokenCount: streams.interTokenCount,
    firstToken: streams.firstToken,
  };

  const opened = total(minutes.opened);
  const failed = total(minutes.failed);
  const attempts = opened + failed;
  const errorCount = failed + total(minutes.streamErrors);
  const figures = {
    entries: total(minutes.entries),
    connections: {
      attempts,
      opened,
      closed: total(minutes.closed),
      failed,
      reconnects: total(minutes.reconnects),
      active: activeAtEach(streams.starts, streams.ends, [w.toMs])[0] ?? 0,
      peakConcurrent: peakOfSorted(streams.starts, streams.ends, w.toMs),
      successRate: attempts === 0 ? null : opened / attempts,
    },
    latency: {
      firstTokenMs: summarizeLatency(streams.firstToken.values),
      interTokenMs: summarizeLatency(streams.interTokens),
      streamDurationMs: summarizeLatency(streams.durations),
    },
    errors: { count: errorCount, rate: attempts === 0 ? null : errorCount / attempts },
    rateLimit: summarizeViolations(violations, win.hours),
    gdpr: gdpr.figures,
  };

  const bucket = chooseBucket(w.toMs - w.fromMs, req.bucket ?? null);
  const series =
    bucket === null
      ? []
      : buildSeries({ fromMs: w.fromMs, toMs: w.toMs, bucketMs: BUCKET_MS[bucket], minutes, starts: streams.starts, ends: streams.ends, gaps });
  const incidents = detectIncidents({
    fromMs: w.fromMs,
    toMs: w.toMs,
    opened: minutes.opened,
    failed: minutes.failed,
    streamErrors: minutes.streamErrors,
    reconnects: minutes.reconnects,
    proxyByCode: proxy.byCodePerMinute,
    highLeaksByRule: gdpr.highLeaksByRule,
    violations,
    machineEvents: machineEvents(store, w),
    errorRateTarget: ERROR_RATE_TARGET,
    includeTestTraffic,
    gaps,
  }).map((d) => ({ ...d.incident, samples: incidentSamples(store, d) }));
  const deploys = deploysIn(store, w);

  const report: Report = {
    window: { from: win.from, to: win.to },
    ...figures,
    proxy: proxy.figures,
    targets: evaluateTargets(figures, { hours: win.hours, includeTestTraffic }),
    incidents,
    deploys,
    gaps: gaps.map((g) => ({ from: new Date(g.fromMs).toISOString(), to: new Date(g.toMs).toISOString(), reason: g.reason })),
    series,
    bucket,
    incomplete: gaps.length > 0,
    deployImpact: deployImpact(store, w, deploys, gaps),
  };
  report.recommendation = recommend(report);
  return report;
}
