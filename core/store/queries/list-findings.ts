import type { Store } from '../store.ts';
import type { FindingPage } from '../../findings/finding.ts';
import type { FindingRow } from './finding-rows.ts';
import { findingFromRow, findingHistories } from './finding-rows.ts';
import { encodeCursor, pageLimit, timePageConditions } from './page-cursor.ts';

export interface FindingQuery {
  rule?: string;
  severity?: string;
  status?: string;
  /** Window `[fromMs, toMs)` on the time of the entry that leaked; null or absent for no bound. */
  fromMs?: number | null;
  toMs?: number | null;
  limit?: number;
  cursor?: string | null;
}

/** GDPR findings, newest first, each with its review history. Throws InvalidCursorError for a foreign cursor. */
export function listFindings(store: Store, query: FindingQuery): FindingPage {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const exact = (column: string, value: string | undefined): void => {
    if (value === undefined || value === '') return;
    where.push(`${column} = ?`);
    params.push(value);
  };
  exact('rule', query.rule);
  exact('severity', query.severity);
  exact('status', query.status);
  timePageConditions(query, where, params);
  const limit = pageLimit(query.limit);
  const rows = store.db
    .prepare<(string | number)[], FindingRow>(
      `SELECT * FROM findings ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY time_ms DESC, id DESC LIMIT ?`,
    )
    .all(...params, limit + 1);
  const page = rows.slice(0, limit);
  const histories = findingHistories(store, page.map((r) => r.id));
  const last = page[page.length - 1];
  return {
    items: page.map((r) => findingFromRow(r, histories.get(r.id) ?? [])),
    next: rows.length > limit && last !== undefined ? encodeCursor({ timeMs: last.time_ms, id: last.id }) : null,
  };
}
