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
