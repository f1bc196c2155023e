/**
 * Figures per minute of a window: the grain the series, the totals and the incident windows are all summed from,
 * so that they agree. Sparse: a minute without a count is absent (a window may span years of an idle store).
 */
export type MinuteCounts = Map<number, number>;

export const MINUTE_MS = 60_000;

export interface FirstTokenSamples {
  /** Every sample of the window, in the time order of the lines that carried them. */
  values: Float64Array;
  /** How many of `values` fall in each minute, minutes ascending. */
  perMinute: MinuteCounts;
}

export interface MinuteFigures {
  entries: MinuteCounts;
  /** Opens that did not become failures (reconnects included). */
  opened: MinuteCounts;
  reconnects: MinuteCounts;
  closed: MinuteCounts;
  failed: MinuteCounts;
  /** `[Stream] Backend error` lines. */
  streamErrors: MinuteCounts;
  violations: MinuteCounts;
  testViolations: MinuteCounts;
  proxyErrors: MinuteCounts;
  /** Entries with a finding of a high-severity rule, counted once per rule. */
  highLeaks: MinuteCounts;
  interTokenSum: MinuteCounts;
  interTokenCount: MinuteCounts;
  firstToken: FirstTokenSamples;
}

export function total(counts: MinuteCounts): number {
  let n = 0;
  for (const v of counts.values()) n += v;
  return n;
}

/** Sum over the minutes `[fromMinute, toMinute)`. */
export function sumMinutes(counts: MinuteCounts, fromMinute: number, toMinute: number): number {
  let n = 0;
  if (toMinute - fromMinute <= counts.size) {
    for (let m = fromMinute; m < toMinute; m++) n += counts.get(m) ?? 0;
  } else {
    for (const [m, v] of counts) if (m >= fromMinute && m < toMinute) n += v;
  }
  return n;
}

export function addCount(counts: MinuteCounts, minute: number, n: number): void {
  if (n !== 0) counts.set(minute, (counts.get(minute) ?? 0) + n);
}

/** The minute-wise sum of several counts. */
export function sumOf(...parts: MinuteCounts[]): MinuteCounts {
  const out: MinuteCounts = new Map();
  for (const part of parts) for (const [m, v] of part) addCount(out, m, v);
  return out;
}
