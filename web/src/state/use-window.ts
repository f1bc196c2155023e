/**
 * The chosen range resolved to a fixed `[from, to)`: stable between renders (so requests are not repeated),
 * resolved again when the range changes, on `refresh()`, or every `refreshMs` for a relative range.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { resolveRange, type ResolvedWindow, type TimeRange } from './time-range.ts';

function rangeKey(range: TimeRange): string {
  return range.kind === 'preset' ? range.preset : `${range.fromMs}-${range.toMs}`;
}

export function useWindow(range: TimeRange, refreshMs: number | null = null): { window: ResolvedWindow; refresh(): void } {
  const key = rangeKey(range);
  const [tick, setTick] = useState(0);
  // The key stands for the range: a new object with the same range must not resolve again.
  const window = useMemo(() => resolveRange(range, Date.now()), [key, tick]);
  const relative = range.kind === 'preset';
  useEffect(() => {
    if (!relative || refreshMs === null) return;
    const timer = globalThis.setInterval(() => setTick((value) => value + 1), refreshMs);
    return () => globalThis.clearInterval(timer);
  }, [relative, refreshMs, key]);
  const refresh = useCallback(() => setTick((value) => value + 1), []);
  return { window, refresh };
}
