import type { Report, TargetResult } from '../report.ts';
import { evaluateTargets } from './targets.ts';

/** For the exports' tests: a realistic report of one staging hour that passes every target, to change per test. */
export function sampleReport(changes: Partial<Report> = {}): Report {
  const base: Omit<Report, 'targets'> = {
    window: { from: '2026-11-20T09:00:00.000Z', to: '2026-11-20T10:00:00.000Z' },
    entries: 14_908,
    connections: { attempts: 600, opened: 598, closed: 590, failed: 2, reconnects: 31, active: 4, peakConcurrent: 9, successRate: 598 / 600 },
    latency: {
      firstTokenMs: { count: 590, avg: 84.7, p50: 85, p95: 125, p99: 129, max: 130 },
      interTokenMs: { count: 580, avg: 31.2, p50: 30.5, p95: 44, p99: 48, max: 61 },
      streamDurationMs: { count: 590, avg: 4487, p50: 4500, p95: 7196, p99: 7400, max: 7498 },
    },
    errors: { count: 3, rate: 3 / 600 },
    proxy: { errors: 0, byCode: {} },
    rateLimit: { violations: 5, perHour: 5, testTraffic: 5, topKeys: [{ key: 'user:ratelimit-test', count: 5, test: true }] },
    gdpr: { entriesFlagged: 0, byRule: {}, hashCoverage: 1, auditCoverage: 1, sources: [], openBySeverity: { high: 0, medium: 0, low: 0 }, openHigh: 0 },
    incidents: [],
    deploys: [],
    gaps: [],
    series: [],
    bucket: null,
    incomplete: false,
    deployImpact: [],
  };
  const merged = { ...base, ...changes };
  return { ...merged, targets: changes.targets ?? evaluateTargets(merged, { hours: 1 }) };
}

export function withTarget(report: Report, id: TargetResult['id'], change: Partial<TargetResult>): Report {
  return { ...report, targets: report.targets.map((t) => (t.id === id ? { ...t, ...change } : t)) };
}
