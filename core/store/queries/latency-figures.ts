import type { Store } from '../store.ts';
import type { LatencyFigures } from '../../report.ts';
import type { TimeWindow } from './time-window.ts';
import { summarizeLatency } from '../../metrics/latency-summary.ts';

/**
 * Per-stream samples, each in the window of the line that carried it: first-token at its line (or the audit
 * close's), inter-token and duration at the close. Exact percentiles need the samples, read through the
 * time indexes of the streams table rather than the entries.
 */
export function latencyFigures(store: Store, w: TimeWindow): LatencyFigures {
  const db = store.db;
  const firstToken = db
    .prepare<[number, number], { v: number }>('SELECT first_token_ms AS v FROM streams WHERE first_token_at >= ? AND first_token_at < ? AND first_token_ms IS NOT NULL')
    .all(w.fromMs, w.toMs)
    .map((r) => r.v);
  const closes = db
    .prepare<[number, number], { d: number | null; i: number | null }>(
      'SELECT duration_ms AS d, inter_token_ms AS i FROM streams WHERE close_ms >= ? AND close_ms < ?',
    )
    .all(w.fromMs, w.toMs);
  const durations: number[] = [];
  const interTokens: number[] = [];
  for (const r of closes) {
    if (r.d !== null) durations.push(r.d);
    if (r.i !== null) interTokens.push(r.i);
  }
  return {
    firstTokenMs: summarizeLatency(firstToken),
    interTokenMs: summarizeLatency(interTokens),
    streamDurationMs: summarizeLatency(durations),
  };
}
