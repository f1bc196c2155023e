import type { Store } from '../store.ts';
import type { FindingSource, ReviewStatus, RuleId, Severity, StatusChange, StoredFinding } from '../../findings/finding.ts';

/** A `findings` row as SQLite returns it. */
export interface FindingRow {
  id: number;
  entry_id: number;
  time_ms: number;
  time: string;
  instance: string;
  provider: string;
  rule: string;
  severity: string;
  source: string;
  field: string;
  start: number;
  end: number;
  length: number;
  preview: string;
  fingerprint: string;
  template: string;
  status: string;
}

export function findingFromRow(r: FindingRow, history: StatusChange[]): StoredFinding {
  return {
    id: r.id,
    rule: r.rule as RuleId,
    severity: r.severity as Severity,
    time: r.time,
    instance: r.instance,
    provider: r.provider,
    entryId: r.entry_id,
    source: r.source as FindingSource,
    field: r.field,
    start: r.start,
    end: r.end,
    length: r.length,
    preview: r.preview,
    fingerprint: r.fingerprint,
    template: r.template,
    status: r.status as ReviewStatus,
    history,
  };
}

/** Every status change of these findings, oldest first, by finding id. */
export function findingHistories(store: Store, findingIds: readonly number[]): Map<number, StatusChange[]> {
  const out = new Map<number, StatusChange[]>();
  if (findingIds.length === 0) return out;
  const rows = store.db
    .prepare<number[], { finding_id: number; status: string; note: string; reviewer: string; at: string }>(
      `SELECT finding_id, status, note, reviewer, at FROM finding_history
       WHERE finding_id IN (${findingIds.map(() => '?').join(', ')}) ORDER BY id`,
    )
    .all(...findingIds);
  for (const r of rows) {
    const list = out.get(r.finding_id) ?? [];
    list.push({ status: r.status as ReviewStatus, note: r.note, reviewer: r.reviewer, at: r.at });
    out.set(r.finding_id, list);
  }
  return out;
}

/** One finding with its history, or null. */
export function getFinding(store: Store, id: number): StoredFinding | null {
  const row = store.db.prepare<[number], FindingRow>('SELECT * FROM findings WHERE id = ?').get(id);
  if (!row) return null;
  return findingFromRow(row, findingHistories(store, [id]).get(id) ?? []);
}
