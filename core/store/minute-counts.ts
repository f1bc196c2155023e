/**
 * Per-minute counts kept at ingest (table `minute_counts`): a report over a million entries sums minutes instead
 * of counting rows. Kinds are named here, for the writer and the queries alike.
 */
import type { Db } from './open-database.ts';
import type { RuleId, Severity } from '../findings/finding.ts';
import { MINUTE_MS } from '../metrics/per-minute.ts';

export { MINUTE_MS };

export const ENTRIES_KIND = 'entries';
export const FLAGGED_KIND = 'flagged';

export function minuteOf(timeMs: number): number {
  return Math.floor(timeMs / MINUTE_MS);
}

const eventKinds = new Map<string, string>();

/** Built once per event type: the writer asks for one per event. */
export function eventKind(type: string): string {
  let kind = eventKinds.get(type);
  if (kind === undefined) {
    kind = `event:${type}`;
    eventKinds.set(type, kind);
  }
  return kind;
}

export function proxyKind(code: string | null): string {
  return `proxy:${code ?? 'unknown'}`;
}

/** Findings not yet acknowledged or resolved, by severity: one per finding, not per entry. */
export function openKind(severity: Severity): string {
  return `open:${severity}`;
}

export function ruleKind(rule: RuleId): string {
  return `rule:${rule}`;
}

const SOURCE_PREFIX = 'source:';

/**
 * Entries per leak source: the same tab-joined key the migration's backfill and delete trigger build. Kept in
 * `source_minute_counts`, keyed by minute first (migration 6), not in `minute_counts`.
 */
export function sourceKind(rule: RuleId, instance: string, template: string): string {
  return `${SOURCE_PREFIX}${rule}\t${instance}\t${template}`;
}

export function isSourceKind(kind: string): boolean {
  return kind.startsWith(SOURCE_PREFIX);
}

export function parseSourceKind(kind: string): { rule: RuleId; instance: string; template: string } | null {
  if (!isSourceKind(kind)) return null;
  const a = kind.indexOf('\t', SOURCE_PREFIX.length);
  const b = a < 0 ? -1 : kind.indexOf('\t', a + 1);
  if (b < 0) return null;
  return { rule: kind.slice(SOURCE_PREFIX.length, a) as RuleId, instance: kind.slice(a + 1, b), template: kind.slice(b + 1) };
}

/** One kind's counts in a transaction: the minute being counted, and those counted before it. */
interface KindCounts {
  minute: number;
  n: number;
  earlier: Map<number, number>;
}

function copyOf(k: KindCounts): KindCounts {
  return { minute: k.minute, n: k.n, earlier: new Map(k.earlier) };
}

/**
 * Counts added during one transaction, written once per kind and minute when it commits: a batch of thousands
 * of entries costs a few dozen upserts, not one per entry. Entries arrive nearly in time order, so each kind
 * counts its current minute in place and files it away only when the minute changes.
 */
export class MinuteCountBuffer {
  private readonly pending = new Map<string, KindCounts>();
  private readonly upsert;
  private readonly upsertSource;

  constructor(db: Db) {
    this.upsert = db.prepare<[string, number, number]>(
      'INSERT INTO minute_counts (kind, minute, n) VALUES (?, ?, ?) ON CONFLICT(kind, minute) DO UPDATE SET n = n + excluded.n',
    );
    this.upsertSource = db.prepare<[string, number, number]>(
      'INSERT INTO source_minute_counts (kind, minute, n) VALUES (?, ?, ?) ON CONFLICT(minute, kind) DO UPDATE SET n = n + excluded.n',
    );
  }

  add(kind: string, timeMs: number): void {
    const minute = minuteOf(timeMs);
    const k = this.pending.get(kind);
    if (k === undefined) {
      this.pending.set(kind, { minute, n: 1, earlier: new Map() });
      return;
    }
    if (k.minute !== minute) {
      k.earlier.set(k.minute, (k.earlier.get(k.minute) ?? 0) + k.n);
      k.minute = minute;
      k.n = k.earlier.get(minute) ?? 0;
      k.earlier.delete(minute);
    }
    k.n++;
  }

  /** Inside the transaction whose rows were counted. */
  flush(): void {
    for (const [kind, k] of this.pending) {
      const upsert = isSourceKind(kind) ? this.upsertSource : this.upsert;
      for (const [minute, n] of k.earlier) upsert.run(kind, minute, n);
      upsert.run(kind, k.minute, k.n);
    }
    this.pending.clear();
  }

  /** The transaction rolled back: its counts go with it. */
  discard(): void {
    this.pending.clear();
  }

  /** For a nested transaction (a savepoint): what to go back to if only it rolls back. */
  snapshot(): Map<string, KindCounts> {
    return new Map([...this.pending].map(([kind, k]) => [kind, copyOf(k)]));
  }

  restore(snapshot: Map<string, KindCounts>): void {
    this.pending.clear();
    for (const [kind, k] of snapshot) this.pending.set(kind, k);
  }
}
