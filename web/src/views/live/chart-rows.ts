/**
 * The report's series as chart rows, and the deploys and source gaps drawn over every chart. Times become
 * epoch milliseconds on a numeric axis, so a bucket, a deploy line and a gap share one scale.
 */
import type { Deploy, Gap, Report, SeriesRow } from '../../../../core/report.ts';

export interface ChartRow {
  t: number;
  opened: number;
  failed: number;
  active: number;
  errors: number;
  violations: number;
  /** errors / (opened + failed) of the bucket; null when the bucket had no attempts. */
  errorRate: number | null;
  firstTokenP50: number | null;
  firstTokenP95: number | null;
  interTokenAvg: number | null;
}

/** The values a chart line can draw. */
export type ChartKey = Exclude<keyof ChartRow, 't'>;

export interface Domain {
  from: number;
  to: number;
}

export interface GapArea {
  x1: number;
  x2: number;
  reasons: string[];
}

export interface DeployMark {
  x: number;
  instance: string;
  summary: string;
}

/** A bucket's error rate as the metrics define it; errors of streams opened in an earlier bucket can make it exceed 1. */
export function bucketErrorRate(row: Pick<SeriesRow, 'errors' | 'opened' | 'failed'>): number | null {
  const attempts = row.opened + row.failed;
  return attempts === 0 ? null : row.errors / attempts;
}

export function toChartRows(series: readonly SeriesRow[]): ChartRow[] {
  const rows: ChartRow[] = [];
  for (const row of series) {
    const t = Date.parse(row.t);
    if (!Number.isFinite(t)) continue;
    rows.push({
      t,
      opened: row.opened,
      failed: row.failed,
      active: row.active,
      errors: row.errors,
      violations: row.violations,
      errorRate: bucketErrorRate(row),
      firstTokenP50: row.firstTokenP50,
      firstTokenP95: row.firstTokenP95,
      interTokenAvg: row.interTokenAvg,
    });
  }
  return rows.sort((a, b) => a.t - b.t);
}

/** The report's window, else the span of its rows; null when there is nothing to draw. */
export function chartDomain(window: Report['window'], rows: readonly ChartRow[]): Domain | null {
  const from = window.from === null ? Number.NaN : Date.parse(window.from);
  const to = window.to === null ? Number.NaN : Date.parse(window.to);
  if (Number.isFinite(from) && Number.isFinite(to) && from < to) return { from, to };
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (!first || !last) return null;
  return first.t < last.t ? { from: first.t, to: last.t } : { from: first.t - 60_000, to: first.t + 60_000 };
}

/** Gaps clipped to the chart, in order, with overlapping or touching ones drawn as one area. */
export function gapAreas(gaps: readonly Gap[], domain: Domain): GapArea[] {
  const clipped: GapArea[] = [];
  for (const gap of gaps) {
    const x1 = Math.max(Date.parse(gap.from), domain.from);
    const x2 = Math.min(Date.parse(gap.to), domain.to);
    if (!Number.isFinite(x1) || !Number.isFinite(x2) || x2 <= x1) continue;
    clipped.push({ x1, x2, reasons: [gap.reason] });
  }
  clipped.sort((a, b) => a.x1 - b.x1);
  const merged: GapArea[] = [];
  for (const area of clipped) {
    const previous = merged[merged.length - 1];
    if (previous && area.x1 <= previous.x2) {
      previous.x2 = Math.max(previous.x2, area.x2);
      for (const reason of area.reasons) if (!previous.reasons.includes(reason)) previous.reasons.push(reason);
    } else {
      merged.push({ ...area, reasons: [...area.reasons] });
    }
  }
  return merged;
}

/** Deploys inside the chart, in time order. */
export function deployMarks(deploys: readonly Deploy[], domain: Domain): DeployMark[] {
  return deploys
    .map((deploy) => ({ x: Date.parse(deploy.at), instance: deploy.instance, summary: deploy.summary }))
    .filter((mark) => Number.isFinite(mark.x) && mark.x >= domain.from && mark.x <= domain.to)
    .sort((a, b) => a.x - b.x);
}

/** Proxy error counts by code, largest first, for the bar chart. */
export function proxyBars(byCode: Readonly<Record<string, number>>): Array<{ code: string; count: number }> {
  return Object.entries(byCode)
    .filter(([, count]) => count > 0)
    .map(([code, count]) => ({ code, count }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}
