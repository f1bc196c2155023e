import type { Store } from '../store.ts';
import type { GdprFigures, LeakSource } from '../../report.ts';
import type { RuleId } from '../../findings/finding.ts';
import type { TimeWindow } from './time-window.ts';

/** Flagged entries by rule, hash coverage of stream opens, and where the leaks come from. */
export function gdprFigures(store: Store, w: TimeWindow): GdprFigures {
  const db = store.db;
  const flagged = db
    .prepare<[number, number], { n: number }>('SELECT count(DISTINCT entry_id) AS n FROM findings WHERE time_ms >= ? AND time_ms < ?')
    .get(w.fromMs, w.toMs)?.n ?? 0;
  const byRule: Partial<Record<RuleId, number>> = {};
  for (const r of db
    .prepare<[number, number], { rule: RuleId; n: number }>(
      'SELECT rule, count(DISTINCT entry_id) AS n FROM findings WHERE time_ms >= ? AND time_ms < ? GROUP BY rule ORDER BY rule',
    )
    .all(w.fromMs, w.toMs)) {
    byRule[r.rule] = r.n;
  }
  const coverage = db
    .prepare<[number, number], { opens: number; hashed: number }>(
      `SELECT count(*) AS opens, coalesce(sum(query_hash_ok = 1), 0) AS hashed FROM streams
       WHERE open_ms >= ? AND open_ms < ?`,
    )
    .get(w.fromMs, w.toMs) ?? { opens: 0, hashed: 0 };
  const sources = db
    .prepare<[number, number], { template: string; rule: RuleId; count: number; first: number; last: number; instances: string }>(
      `SELECT template, rule, count(DISTINCT entry_id) AS count, min(time_ms) AS first, max(time_ms) AS last,
              group_concat(DISTINCT instance) AS instances
       FROM findings WHERE time_ms >= ? AND time_ms < ? GROUP BY template, rule ORDER BY count DESC, template`,
    )
    .all(w.fromMs, w.toMs)
    .map(
      (r): LeakSource => ({
        template: r.template,
        rule: r.rule,
        count: r.count,
        firstSeen: new Date(r.first).toISOString(),
        lastSeen: new Date(r.last).toISOString(),
        instances: r.instances.split(',').filter((i) => i !== '').sort(),
      }),
    );
  return {
    entriesFlagged: flagged,
    byRule,
    hashCoverage: coverage.opens === 0 ? null : coverage.hashed / coverage.opens,
    sources,
  };
}
