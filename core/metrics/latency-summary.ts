import type { LatencySummary } from '../report.ts';

/**
 * Linear interpolation between closest ranks, numpy's default (`method='linear'`): the p-th percentile of n
 * sorted samples sits at rank (n − 1)·p/100.
 */
export function percentile(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const rank = ((n - 1) * p) / 100;
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (rank - lo);
}

export function summarizeLatency(samples: ArrayLike<number>): LatencySummary {
  if (samples.length === 0) return { count: 0, avg: null, p50: null, p95: null, p99: null, max: null };
  // A typed array sorts numerically; a plain array would sort as text.
  const sorted = Float64Array.from(samples).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    count: sorted.length,
    avg: sum / sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] as number,
  };
}
