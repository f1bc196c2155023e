/**
 * The window every view shows: a preset relative to now (the last hour), or a fixed custom window.
 * Relative windows are resolved against the clock only when data is asked for, so a shared link to
 * `range=1h` shows the last hour of whoever opens it.
 */
export const RANGE_PRESETS = ['15m', '1h', '6h', '24h', '7d'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const PRESET_SPAN_MS: Readonly<Record<RangePreset, number>> = {
  '15m': 15 * MINUTE,
  '1h': HOUR,
  '6h': 6 * HOUR,
  '24h': 24 * HOUR,
  '7d': 7 * 24 * HOUR,
};

export const PRESET_LABEL: Readonly<Record<RangePreset, string>> = {
  '15m': 'Last 15 minutes',
  '1h': 'Last hour',
  '6h': 'Last 6 hours',
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
};

/** The API's relative time syntax (`-15m`, `-1h`); days are sent as hours, the unit the spec shows. */
const PRESET_RELATIVE: Readonly<Record<RangePreset, string>> = {
  '15m': '-15m',
  '1h': '-1h',
  '6h': '-6h',
  '24h': '-24h',
  '7d': '-168h',
};

export type TimeRange =
  | { kind: 'preset'; preset: RangePreset }
  | { kind: 'custom'; fromMs: number; toMs: number };

export interface ResolvedWindow {
  fromMs: number;
  toMs: number;
  /** ISO-8601, what the API is sent. */
  from: string;
  to: string;
  spanMs: number;
  relative: boolean;
}

export function isRangePreset(value: string | null): value is RangePreset {
  return value !== null && (RANGE_PRESETS as readonly string[]).includes(value);
}

/** `[from, to)` for a range at `nowMs`; relative windows end at the current whole second. */
export function resolveRange(range: TimeRange, nowMs: number): ResolvedWindow {
  if (range.kind === 'custom') return windowOf(range.fromMs, range.toMs, false);
  const toMs = Math.floor(nowMs / 1000) * 1000;
  return windowOf(toMs - PRESET_SPAN_MS[range.preset], toMs, true);
}

function windowOf(fromMs: number, toMs: number, relative: boolean): ResolvedWindow {
  return {
    fromMs,
    toMs,
    from: new Date(fromMs).toISOString(),
    to: new Date(toMs).toISOString(),
    spanMs: toMs - fromMs,
    relative,
  };
}

/** The relative `from` the live socket asks its metrics window for, or null for a fixed window. */
export function relativeFrom(range: TimeRange): string | null {
  return range.kind === 'preset' ? PRESET_RELATIVE[range.preset] : null;
}

export function rangeSpanMs(range: TimeRange): number {
  return range.kind === 'preset' ? PRESET_SPAN_MS[range.preset] : range.toMs - range.fromMs;
}
