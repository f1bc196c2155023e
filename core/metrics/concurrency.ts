/** A stream's life for concurrency: from its open to its close, or to open + 5 min when it went stale. */
export interface StreamSpan {
  openMs: number;
  closeMs: number | null;
}

export const STALE_MS = 5 * 60_000;

/** When the stream stops counting as open: its close, or 5 minutes after its open if that comes first. */
export function spanEnd(s: StreamSpan): number {
  const stale = s.openMs + STALE_MS;
  return s.closeMs === null ? stale : Math.min(s.closeMs, stale);
}

/**
 * Streams open at the window's end `toMs` (exclusive): opened before it, and not yet closed or stale at it. A
 * stream that closes exactly at `toMs` was open through the whole window; its close belongs to the next one.
 */
export function activeAt(spans: readonly StreamSpan[], toMs: number): number {
  let n = 0;
  for (const s of spans) if (s.openMs < toMs && spanEnd(s) >= toMs) n++;
  return n;
}

/**
 * The most streams open at one instant of `[fromMs, toMs)`. A stream is open on `[open, end)`: a close and an
 * open at the same instant do not overlap.
 */
export function peakConcurrent(spans: readonly StreamSpan[], fromMs: number, toMs: number): number {
  const points: Array<[number, number]> = [];
  for (const s of spans) {
    const start = Math.max(s.openMs, fromMs);
    const end = spanEnd(s);
    if (start >= toMs || end <= start) continue;
    points.push([start, 1], [end, -1]);
  }
  points.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let open = 0;
  let peak = 0;
  for (const [t, d] of points) {
    open += d;
    if (t < toMs && open > peak) peak = open;
  }
  return peak;
}

/**
 * The same two figures from sorted arrays, for a whole series at once: `starts` holds each stream's open
 * (clipped to the window's start) and `ends` its `spanEnd`, both ascending, of streams with end > start. A stream
 * is open at T when start < T ≤ end, so the streams open at T are #{start < T} − #{end < T}.
 */
export function activeAtEach(starts: Float64Array, ends: Float64Array, times: readonly number[]): number[] {
  return times.map((t) => countBelow(starts, t) - countBelow(ends, t));
}

/** The most streams open at one instant before `toMs`; ends at the same instant as a start close first. */
export function peakOfSorted(starts: Float64Array, ends: Float64Array, toMs: number): number {
  let peak = 0;
  let j = 0;
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i] as number;
    if (s >= toMs) break;
    while (j < ends.length && (ends[j] as number) <= s) j++;
    const open = i + 1 - j;
    if (open > peak) peak = open;
  }
  return peak;
}

/** How many of the ascending `values` are below `t`. */
function countBelow(values: Float64Array, t: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
