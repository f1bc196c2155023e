import type { RateLimitFigures, RateLimitKey } from '../report.ts';
import type { MinuteCounts } from './per-minute.ts';
import type { Violation } from './incidents.ts';
import { MINUTE_MS, addCount } from './per-minute.ts';

export const TOP_KEYS = 10;

/** Violations of a window: counts (test traffic included, and apart), the keys that hit the limiter most. */
export function summarizeViolations(violations: readonly Violation[], hours: number | null): RateLimitFigures {
  const byKey = new Map<string, RateLimitKey>();
  let testTraffic = 0;
  for (const v of violations) {
    if (v.test) testTraffic++;
    if (v.keyFingerprint === null) continue;
    const k = byKey.get(v.keyFingerprint);
    const display = v.key ?? 'unknown';
    if (k === undefined) byKey.set(v.keyFingerprint, { key: display, count: 1, test: v.test });
    else {
      k.count++;
      k.test ||= v.test;
      if (display < k.key) k.key = display;
    }
  }
  const topKeys = [...byKey.values()].sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).slice(0, TOP_KEYS);
  return {
    violations: violations.length,
    perHour: hours !== null && hours > 0 ? violations.length / hours : null,
    testTraffic,
    topKeys,
  };
}

export function testViolationsPerMinute(violations: readonly Violation[]): MinuteCounts {
  const out: MinuteCounts = new Map();
  for (const v of violations) if (v.test) addCount(out, Math.floor(v.timeMs / MINUTE_MS), 1);
  return out;
}
