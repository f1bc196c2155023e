/**
 * Where the report of the chosen window comes from. A relative window (the last hour) follows the socket's
 * `metrics` report when that report covers the same span; otherwise — a fixed window, a server whose live
 * window differs, or no socket — the page asks `GET /api/report` and, for a relative window, asks again.
 */
import type { Report } from '../../../core/report.ts';
import { rangeSpanMs, type TimeRange } from '../state/time-range.ts';

export type ReportSource = { kind: 'live' } | { kind: 'fetch'; refreshMs: number | null };

/** A live report covers the window when its span is within a minute (or 5 %) of it: buckets round the edges. */
export function coversSpan(report: Report, spanMs: number): boolean {
  const { from, to } = report.window;
  if (from === null || to === null) return false;
  const actual = Date.parse(to) - Date.parse(from);
  if (!Number.isFinite(actual)) return false;
  return Math.abs(actual - spanMs) <= Math.max(60_000, spanMs * 0.05);
}

/** How often a relative window is asked again when the socket cannot serve it: about 360 times per span, 5–60 s. */
export function refreshInterval(spanMs: number): number {
  return Math.min(60_000, Math.max(5_000, Math.round(spanMs / 360)));
}

export function chooseReportSource(range: TimeRange, liveReport: Report | null, socketLive: boolean): ReportSource {
  if (range.kind === 'custom') return { kind: 'fetch', refreshMs: null };
  const span = rangeSpanMs(range);
  if (socketLive && liveReport !== null && coversSpan(liveReport, span)) return { kind: 'live' };
  return { kind: 'fetch', refreshMs: refreshInterval(span) };
}
