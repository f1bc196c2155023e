/** A window `[fromMs, toMs)` on entry time. An unbounded side has already been resolved to the store's extent. */
export interface TimeWindow {
  fromMs: number;
  toMs: number;
}
