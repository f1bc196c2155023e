import type { Store } from '../store.ts';
import type { TimeWindow } from './time-window.ts';
import { prepared } from './prepared.ts';
import type { FirstTokenSamples, MinuteCounts } from '../../metrics/per-minute.ts';
import { MINUTE_MS } from '../../metrics/per-minute.ts';
import { STALE_MS } from '../../metrics/concurrency.ts';

/** What the streams table says about a window, per minute and as samples. */
export interface StreamWindow {
  opened: MinuteCounts;
  reconnects: MinuteCounts;
  closed: MinuteCounts;
  interTokenSum: MinuteCounts;
  interTokenCount: MinuteCounts;
  /** Opens of the window (failed ones included), how many had an audit line, and how many a well-formed queryHash. */
  opens: number;
  audited: number;
  hashed: number;
  firstToken: FirstTokenSamples;
  interTokens: Float64Array;
  durations: Float64Array;
  /** Spans of the streams open at some instant of the window, as `activeAtEach`/`peakOfSorted` take them. */
  starts: Float64Array;
  ends: Float64Array;
}

/** A local copy: the hot loops below should not reach through a module binding on every row. */
const MINUTE = MINUTE_MS;
const END = `min(coalesce(close_ms, open_ms + ${STALE_MS}), open_ms + ${STALE_MS})`;

/**
 * Reads the window's streams through the covering indexes of their time columns (migration 2), one pass per
 * index. Each pass hands its columns over as JSON arrays built in one aggregate: a row per stream would cost
 * several times more to bring into JavaScript, and the arrays of one aggregate pair up by position. SQLite
 * writes reals with 17 significant digits, so every sample comes back exactly. Times are sent relative to the
 * window's start: short numbers parse faster (the CASTs keep them integers: a JavaScript number binds as a real).
 */
export function readStreamWindow(store: Store, w: TimeWindow): StreamWindow {
  const db = store.db;
  const base = w.fromMs;
  // Times that only place a row in its minute travel as minutes since the window's first one: short numbers.
  const baseMinute = Math.floor(w.fromMs / MINUTE);
  const arrays = (sql: string, ...args: number[]): Array<Array<number | null>> =>
    (prepared<number[], string[]>(db, sql, 'raw').get(...args) ?? []).map((json) => JSON.parse(json ?? '[]') as Array<number | null>);

  // Opens from 5 minutes before the window: a stream opened then may still be open inside it.
  const [openRel = [], endRel = []] = arrays(
    `SELECT json_group_array(open_ms - CAST(? AS INTEGER)), json_group_array(${END} - CAST(? AS INTEGER)) FROM streams
     WHERE failed = 0 AND open_ms >= ? AND open_ms < ?`,
    base, base, w.fromMs - STALE_MS, w.toMs,
  );
  const starts = new Float64Array(openRel.length);
  const ends = new Float64Array(openRel.length);
  const inWindow: number[] = [];
  let spans = 0;
  for (let i = 0; i < openRel.length; i++) {
    const open = openRel[i] as number;
    const end = endRel[i] as number;
    if (open >= 0) inWindow.push(open);
    const start = open > 0 ? open : 0;
    if (end > start) {
      starts[spans] = base + start;
      ends[spans] = base + end;
      spans++;
    }
  }
  const opened = perMinute(inWindow.map((rel) => Math.floor((base + rel) / MINUTE) - baseMinute), baseMinute);

  const coverage = prepared<[number, number, number], { opens: number; audited: number; hashed: number; reconnects: string }>(
    db,
    `SELECT count(*) AS opens, count(query_hash_ok) AS audited, total(query_hash_ok = 1) AS hashed, json_group_array(open_ms / 60000 - CAST(? AS INTEGER)) FILTER (WHERE reconnect = 1) AS reconnects
     FROM streams WHERE open_ms >= ? AND open_ms < ?`,
  ).get(baseMinute, w.fromMs, w.toMs) ?? { opens: 0, audited: 0, hashed: 0, reconnects: '[]' };
  const reconnects = perMinute(JSON.parse(coverage.reconnects) as number[], baseMinute);

  const [closeMinutes = [], inter = [], duration = []] = arrays(
    `SELECT json_group_array(close_ms / 60000 - CAST(? AS INTEGER)), json_group_array(inter_token_ms), json_group_array(duration_ms) FROM streams
     WHERE close_ms >= ? AND close_ms < ?`,
    baseMinute, w.fromMs, w.toMs,
  );
  const closed = perMinute(closeMinutes as number[], baseMinute);
  const interTokenSum: MinuteCounts = new Map();
  const interTokenCount: MinuteCounts = new Map();
  const interTokens = new Float64Array(closeMinutes.length);
  const durations = new Float64Array(closeMinutes.length);
  let nInter = 0;
  let nDuration = 0;
  let minute = Number.NaN;
  let sum = 0;
  let count = 0;
  const flush = (): void => {
    if (count === 0) return;
    interTokenSum.set(minute, (interTokenSum.get(minute) ?? 0) + sum);
    interTokenCount.set(minute, (interTokenCount.get(minute) ?? 0) + count);
  };
  for (let i = 0; i < closeMinutes.length; i++) {
    const it = inter[i];
    if (typeof it === 'number') {
      interTokens[nInter++] = it;
      const m = baseMinute + (closeMinutes[i] as number);
      if (m !== minute) {
        flush();
        minute = m;
        sum = 0;
        count = 0;
      }
      sum += it;
      count++;
    }
    const d = duration[i];
    if (typeof d === 'number') durations[nDuration++] = d;
  }
  flush();

  const [tokenMinutes = [], tokenMs = []] = arrays(
    `SELECT json_group_array(first_token_at / 60000 - CAST(? AS INTEGER)), json_group_array(first_token_ms) FROM streams
     WHERE first_token_at >= ? AND first_token_at < ? AND first_token_ms IS NOT NULL`,
    baseMinute, w.fromMs, w.toMs,
  );
  const firstToken = minuteOrdered(tokenMinutes as number[], tokenMs as number[]);

  return {
    opened, reconnects, closed, interTokenSum, interTokenCount, opens: coverage.opens, audited: coverage.audited, hashed: coverage.hashed,
    firstToken: { values: firstToken.values, perMinute: perMinute(firstToken.minutes, baseMinute) },
    interTokens: interTokens.subarray(0, nInter),
    durations: durations.subarray(0, nDuration),
    starts: starts.subarray(0, spans),
    ends: ends.subarray(0, spans).sort(),
  };
}

/** Counts per minute of minute offsets from `baseMinute`; runs of one minute (rows mostly come in order) cost one update. */
function perMinute(offsets: readonly number[], baseMinute: number): MinuteCounts {
  const out: MinuteCounts = new Map();
  let minute = Number.NaN;
  let run = 0;
  for (let i = 0; i < offsets.length; i++) {
    const m = offsets[i] as number;
    if (m === minute) {
      run++;
      continue;
    }
    if (run > 0) out.set(baseMinute + minute, (out.get(baseMinute + minute) ?? 0) + run);
    minute = m;
    run = 1;
  }
  if (run > 0) out.set(baseMinute + minute, (out.get(baseMinute + minute) ?? 0) + run);
  return out;
}

/** Samples in the minute order of their lines: an index scan yields it already; anything else is sorted here. */
function minuteOrdered(minutes: number[], values: number[]): { minutes: number[]; values: Float64Array } {
  let ordered = true;
  for (let i = 1; i < minutes.length && ordered; i++) ordered = (minutes[i - 1] as number) <= (minutes[i] as number);
  if (ordered) return { minutes, values: Float64Array.from(values) };
  const order = minutes.map((_, i) => i).sort((a, b) => (minutes[a] as number) - (minutes[b] as number));
  return { minutes: order.map((i) => minutes[i] as number), values: Float64Array.from(order, (i) => values[i] as number) };
}
