import { STALE_MS } from '../../metrics/concurrency.ts';

/** A window `[fromMs, toMs)` on entry time. An unbounded side has already been resolved to the store's extent. */
export interface TimeWindow {
  fromMs: number;
  toMs: number;
}

/** The figures of metrics.md hold that a stream leaves `active` 5 minutes after an open with no close. */
export const STALE_AFTER_MS = STALE_MS;
