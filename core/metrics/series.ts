import type { SeriesRow } from '../report.ts';
import type { MinuteCounts, MinuteFigures } from './per-minute.ts';
import { MINUTE_MS } from './per-minute.ts';
import { bucketStarts } from './buckets.ts';
import { activeAtEach } from './concurrency.ts';
import { percentile } from './latency-summary.ts';

export interface SeriesInput {
  fromMs: number;
  toMs: number;
  bucketMs: number;
  minutes: MinuteFigures;
  /** Stream spans as `activeAtEach` takes them. */
  starts: Float64Array;
  ends: Float64Array;
  gaps: ReadonlyArray<{ fromMs: number; toMs: number }>;
}

/**
 * One row per bucket of the window, empty buckets included (zero counts, null latencies). Counts are the
 * window's per-minute counts summed, so the rows add up to the report's totals; first-token percentiles are
 * exact, from the bucket's own samples; `active` is taken at the bucket's end (or the window's, if sooner).
 */
export function buildSeries(input: SeriesInput): SeriesRow[] {
  const { fromMs, toMs, bucketMs, minutes } = input;
  const starts = bucketStarts(fromMs, toMs, bucketMs);
  const n = starts.length;
  if (n === 0) return [];
  const origin = starts[0] as number;
  const bucketOf = (minute: number): number => Math.floor((minute * MINUTE_MS - origin) / bucketMs);
  const per = (counts: MinuteCounts): Float64Array => {
    const out = new Float64Array(n);
    for (const [m, v] of counts) {
      const b = bucketOf(m);
      if (b >= 0 && b < n) out[b] = (out[b] as number) + v;
    }
    return out;
  };
  const opened = per(minutes.opened);
  const failed = per(minutes.failed);
  const streamErrors = per(minutes.streamErrors);
  const violations = per(minutes.violations);
  const testViolations = per(minutes.testViolations);
  const reconnects = per(minutes.reconnects);
  const closed = per(minutes.closed);
  const proxyErrors = per(minutes.proxyErrors);
  const entries = per(minutes.entries);
  const interSum = per(minutes.interTokenSum);
  const interCount = per(minutes.interTokenCount);
  const firstToken = firstTokenPerBucket(minutes, n, bucketOf);
  const ends = starts.map((s) => Math.min(s + bucketMs, toMs));
  const active = activeAtEach(input.starts, input.ends, ends);

  const rows: SeriesRow[] = [];
  for (let b = 0; b < n; b++) {
    const start = starts[b] as number;
    const samples = firstToken[b];
    const sorted = samples === undefined ? [] : Array.from(samples.sort());
    const ic = interCount[b] as number;
    rows.push({
      t: new Date(start).toISOString(),
      opened: opened[b] as number,
      failed: failed[b] as number,
      errors: (failed[b] as number) + (streamErrors[b] as number),
      violations: violations[b] as number,
      firstTokenP50: percentile(sorted, 50),
      firstTokenP95: percentile(sorted, 95),
      interTokenAvg: ic === 0 ? null : (interSum[b] as number) / ic,
      active: active[b] as number,
      closed: closed[b] as number,
      reconnects: reconnects[b] as number,
      proxyErrors: proxyErrors[b] as number,
      testViolations: testViolations[b] as number,
      entries: entries[b] as number,
      incomplete: input.gaps.some((g) => g.fromMs < (ends[b] as number) && g.toMs > Math.max(start, fromMs)),
    });
  }
  return rows;
}

/** The time-ordered samples cut into their buckets by the per-minute counts. */
function firstTokenPerBucket(minutes: MinuteFigures, n: number, bucketOf: (minute: number) => number): Array<Float64Array | undefined> {
  const out: Array<Float64Array | undefined> = new Array(n);
  const { values, perMinute } = minutes.firstToken;
  const ordered = [...perMinute.entries()].sort((a, b) => a[0] - b[0]);
  let offset = 0;
  let i = 0;
  while (i < ordered.length) {
    const b = bucketOf((ordered[i] as [number, number])[0]);
    let count = 0;
    while (i < ordered.length && bucketOf((ordered[i] as [number, number])[0]) === b) count += (ordered[i++] as [number, number])[1];
    if (b >= 0 && b < n) out[b] = values.slice(offset, offset + count);
    offset += count;
  }
  return out;
}
