import type { SeriesBucket } from '../report.ts';

/** What `--bucket` / `?bucket=` may ask for: a size, `none` (no series), or null for the automatic choice. */
export type BucketChoice = SeriesBucket | 'none' | null;

export const BUCKET_MS: Readonly<Record<SeriesBucket, number>> = { '1m': 60_000, '5m': 300_000, '1h': 3_600_000 };

const HOUR_MS = 3_600_000;

/** More rows than this is no chart any more: the caller must narrow the window or widen the bucket. */
export const MAX_BUCKETS = 100_000;

/** spec/metrics.md § Series: 1m buckets for windows up to 6 h, 5m up to 24 h, 1h beyond, unless asked. */
export function chooseBucket(spanMs: number, asked: BucketChoice): SeriesBucket | null {
  if (asked === 'none') return null;
  if (asked !== null) return asked;
  if (spanMs <= 6 * HOUR_MS) return '1m';
  if (spanMs <= 24 * HOUR_MS) return '5m';
  return '1h';
}

/**
 * Bucket starts covering `[fromMs, toMs)`, aligned to the bucket size on the UTC clock so that a chart polled
 * every few seconds keeps its buckets; the first may start before `fromMs`, and counts in it start at `fromMs`.
 */
export function bucketStarts(fromMs: number, toMs: number, sizeMs: number): number[] {
  if (toMs <= fromMs) return [];
  const first = Math.floor(fromMs / sizeMs) * sizeMs;
  const count = Math.ceil((toMs - first) / sizeMs);
  if (count > MAX_BUCKETS) throw new TooManyBucketsError(count);
  const starts = new Array<number>(count);
  for (let i = 0; i < count; i++) starts[i] = first + i * sizeMs;
  return starts;
}

export class TooManyBucketsError extends Error {
  constructor(readonly count: number) {
    super(`the window spans ${count} buckets (at most ${MAX_BUCKETS}): narrow it with --from/--to, choose a larger --bucket, or none`);
  }
}
