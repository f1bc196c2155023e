import type { Store } from '../store.ts';
import type { TimeWindow } from './time-window.ts';
import { prepared } from './prepared.ts';
import type { MinuteCounts } from '../../metrics/per-minute.ts';
import type { RuleId, Severity } from '../../findings/finding.ts';
import { ENTRIES_KIND, FLAGGED_KIND, MINUTE_MS, eventKind, isSourceKind, openKind, proxyKind, ruleKind, sourceKind } from '../minute-counts.ts';

export interface KindTotal {
  n: number;
  firstMinute: number;
  lastMinute: number;
}

/** Past this many kinds under one prefix, one pass over all their rows beats a seek and a sum per kind. */
const MAX_SEEKED_KINDS = 200;

/**
 * Reads `minute_counts` over a window, exact to the millisecond: whole minutes come from the table, the partial
 * minutes at the window's edges are counted from the rows themselves (a minute or two of entries).
 */
export class MinuteCountReader {
  private readonly edges: Map<string, MinuteCounts>;
  private readonly fullFrom: number;
  private readonly fullTo: number;

  constructor(
    private readonly store: Store,
    private readonly w: TimeWindow,
  ) {
    this.fullFrom = Math.ceil(w.fromMs / MINUTE_MS);
    this.fullTo = Math.floor(w.toMs / MINUTE_MS);
    this.edges = new Map();
    if (w.toMs <= w.fromMs) return;
    if (this.fullFrom >= this.fullTo) {
      this.countRows(w.fromMs, w.toMs);
      this.fullTo = this.fullFrom;
    } else {
      if (w.fromMs < this.fullFrom * MINUTE_MS) this.countRows(w.fromMs, this.fullFrom * MINUTE_MS);
      if (this.fullTo * MINUTE_MS < w.toMs) this.countRows(this.fullTo * MINUTE_MS, w.toMs);
    }
  }

  /** The kind's count per minute. */
  perMinute(kind: string): MinuteCounts {
    const out: MinuteCounts = new Map();
    if (this.fullFrom < this.fullTo) {
      const table = isSourceKind(kind) ? 'source_minute_counts' : 'minute_counts';
      const rows = prepared<[string, number, number], number[]>(
        this.store.db,
        `SELECT minute, n FROM ${table} WHERE kind = ? AND minute >= ? AND minute < ? AND n <> 0`,
        'raw',
      ).all(kind, this.fullFrom, this.fullTo);
      for (const [m, n] of rows) out.set(m as number, n as number);
    }
    for (const [m, n] of this.edges.get(kind) ?? []) out.set(m, (out.get(m) ?? 0) + n);
    return out;
  }

  /** Every kind that starts with `prefix` and occurs in the window, with its total and first and last minute. */
  totalsOf(prefix: string): Map<string, KindTotal> {
    const out = new Map<string, KindTotal>();
    const add = (kind: string, n: number, first: number, last: number): void => {
      const t = out.get(kind);
      if (t === undefined) out.set(kind, { n, firstMinute: first, lastMinute: last });
      else {
        t.n += n;
        t.firstMinute = Math.min(t.firstMinute, first);
        t.lastMinute = Math.max(t.lastMinute, last);
      }
    };
    if (this.fullFrom < this.fullTo) {
      const upper = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
      // Leak sources are kept by minute first: their rows in the window are one range.
      const kinds = isSourceKind(prefix) ? null : this.kindsBetween(prefix, upper);
      const rows: Array<[string, number, number, number]> =
        kinds === null ? this.scanTotals(prefix, upper) : kinds.map((kind) => this.totalOf(kind)).filter((r) => r !== null);
      for (const [kind, n, first, last] of rows) add(kind, n, first, last);
    }
    for (const [kind, counts] of this.edges) {
      if (!kind.startsWith(prefix)) continue;
      for (const [m, n] of counts) if (n > 0) add(kind, n, m, m);
    }
    return out;
  }

  /**
   * The kinds in `[lower, upper)`, seeking from one to the next through the primary key, so that a short window
   * reads only its own minutes of each; null when there are more than a seek per kind is worth.
   */
  private kindsBetween(lower: string, upper: string): string[] | null {
    const seek = (op: '>=' | '>') =>
      prepared<[string, string], string>(this.store.db, `SELECT kind FROM minute_counts WHERE kind ${op} ? AND kind < ? ORDER BY kind LIMIT 1`, 'pluck');
    const first = seek('>=');
    const next = seek('>');
    const kinds: string[] = [];
    for (let kind = first.get(lower, upper); kind !== undefined; kind = next.get(kind, upper)) {
      if (kinds.length >= MAX_SEEKED_KINDS) return null;
      kinds.push(kind);
    }
    return kinds;
  }

  private totalOf(kind: string): [string, number, number, number] | null {
    const r = prepared<[string, number, number], { n: number | null; first: number | null; last: number | null }>(
      this.store.db,
      'SELECT sum(n) AS n, min(minute) AS first, max(minute) AS last FROM minute_counts WHERE kind = ? AND minute >= ? AND minute < ? AND n > 0',
    ).get(kind, this.fullFrom, this.fullTo);
    return r && r.n !== null && r.n > 0 && r.first !== null && r.last !== null ? [kind, r.n, r.first, r.last] : null;
  }

  /** One pass over every row of the kinds in the window, grouped: for kinds by the thousand, and leak sources. */
  private scanTotals(lower: string, upper: string): Array<[string, number, number, number]> {
    const table = isSourceKind(lower) ? 'source_minute_counts' : 'minute_counts';
    const json = prepared<[string, string, number, number], string>(
      this.store.db,
      `SELECT json_group_array(json_array(kind, n, first, last)) FROM (
         SELECT kind, sum(n) AS n, min(minute) AS first, max(minute) AS last FROM ${table}
         WHERE kind >= ? AND kind < ? AND minute >= ? AND minute < ? AND n > 0 GROUP BY kind)`,
      'pluck',
    ).get(lower, upper, this.fullFrom, this.fullTo);
    return JSON.parse(json ?? '[]') as Array<[string, number, number, number]>;
  }

  private add(kind: string, minute: number, n: number): void {
    let counts = this.edges.get(kind);
    if (counts === undefined) {
      counts = new Map();
      this.edges.set(kind, counts);
    }
    counts.set(minute, (counts.get(minute) ?? 0) + n);
  }

  /** The counts the writer keeps, taken from the rows of `[fromMs, toMs)`. */
  private countRows(fromMs: number, toMs: number): void {
    const db = this.store.db;
    const entries = prepared<[number, number], { m: number; n: number }>(
      db,
      'SELECT time_ms / 60000 AS m, count(*) AS n FROM entries WHERE time_ms >= ? AND time_ms < ? GROUP BY m',
    );
    for (const r of entries.all(fromMs, toMs)) {
      this.add(ENTRIES_KIND, r.m, r.n);
    }
    const events = prepared<[number, number], { type: string; code: string | null; m: number; n: number }>(
      db,
      `SELECT type, CASE WHEN type = 'platform.proxy-error' THEN json_extract(data, '$.code') END AS code, time_ms / 60000 AS m, count(*) AS n
       FROM events WHERE time_ms >= ? AND time_ms < ? GROUP BY 1, 2, 3`,
    );
    for (const r of events.all(fromMs, toMs)) {
      this.add(eventKind(r.type), r.m, r.n);
      if (r.type === 'platform.proxy-error') this.add(proxyKind(r.code), r.m, r.n);
    }
    const seen = new Map<number, Set<string>>();
    const findings = prepared<
      [number, number],
      { entry_id: number; rule: RuleId; instance: string; template: string; time_ms: number; severity: Severity; status: string }
    >(db, 'SELECT entry_id, rule, instance, template, time_ms, severity, status FROM findings WHERE time_ms >= ? AND time_ms < ? ORDER BY id');
    for (const r of findings.all(fromMs, toMs)) {
      let rules = seen.get(r.entry_id);
      const m = Math.floor(r.time_ms / MINUTE_MS);
      if (r.status === 'open') this.add(openKind(r.severity), m, 1);
      if (rules === undefined) {
        rules = new Set();
        seen.set(r.entry_id, rules);
        this.add(FLAGGED_KIND, m, 1);
      }
      if (rules.has(r.rule)) continue;
      rules.add(r.rule);
      this.add(ruleKind(r.rule), m, 1);
      this.add(sourceKind(r.rule, r.instance, r.template), m, 1);
    }
  }
}
