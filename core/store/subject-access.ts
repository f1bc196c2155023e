import type { Store } from './store.ts';
import type { Subject } from './subject-key.ts';

export interface SubjectTrace {
  findings: number;
  events: number;
  streams: number;
  /** Entries holding the subject's id in text that no rule redacts (user ids in audit and rate-limit lines). */
  entries: number;
  firstSeen: string | null;
  lastSeen: string | null;
  /** Where: rule or event type, with the log-line template or instance, and counts. */
  where: Array<{ what: string; count: number; instances: string[] }>;
}

/**
 * "Did we ever log this person?": counts, first and last seen, and where, by fingerprint. `entryIds`: the
 * subject's entries when the caller already has them (entriesOfSubject reads every message for a literal id).
 */
export function lookupSubject(store: Store, subject: Subject, entryIds = entriesOfSubject(store, subject)): SubjectTrace {
  const db = store.db;
  const where: SubjectTrace['where'] = [];
  let first: number | null = null;
  let last: number | null = null;
  const see = (lo: number | null, hi: number | null): void => {
    if (lo !== null && (first === null || lo < first)) first = lo;
    if (hi !== null && (last === null || hi > last)) last = hi;
  };

  const findings = db
    .prepare<[string], { what: string; n: number; lo: number; hi: number; inst: string }>(
      `SELECT rule || ' in ' || template AS what, count(*) AS n, min(time_ms) AS lo, max(time_ms) AS hi, group_concat(DISTINCT instance) AS inst
       FROM findings WHERE fingerprint = ? GROUP BY rule, template`,
    )
    .all(subject.fingerprint);
  const events = db
    .prepare<[string], { what: string; n: number; lo: number; hi: number; inst: string }>(
      `SELECT type AS what, count(*) AS n, min(time_ms) AS lo, max(time_ms) AS hi, group_concat(DISTINCT instance) AS inst
       FROM events WHERE key_fp = ? GROUP BY type`,
    )
    .all(subject.fingerprint);
  for (const r of [...findings, ...events]) {
    where.push({ what: r.what, count: r.n, instances: r.inst.split(',').filter(Boolean).sort() });
    see(r.lo, r.hi);
  }
  const streams = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM streams WHERE key_fp = ?').get(subject.fingerprint)?.n ?? 0;
  if (entryIds.length > 0) {
    const span = db
      .prepare<[], { lo: number; hi: number }>(`SELECT min(time_ms) AS lo, max(time_ms) AS hi FROM entries WHERE id IN (${entryIds.join(',')})`)
      .get();
    if (span) see(span.lo, span.hi);
  }
  const lo: number | null = first;
  const hi: number | null = last;
  return {
    findings: findings.reduce((s, r) => s + r.n, 0),
    events: events.reduce((s, r) => s + r.n, 0),
    streams,
    entries: entryIds.length,
    firstSeen: lo === null ? null : new Date(lo).toISOString(),
    lastSeen: hi === null ? null : new Date(hi).toISOString(),
    where,
  };
}

/** Every entry that carries a trace of the subject: through a finding, an event, or the id in its text. */
export function entriesOfSubject(store: Store, subject: Subject): number[] {
  const db = store.db;
  const ids = new Set<number>();
  for (const r of db.prepare<[string], { id: number }>('SELECT entry_id AS id FROM findings WHERE fingerprint = ?').all(subject.fingerprint)) ids.add(r.id);
  for (const r of db.prepare<[string], { id: number }>('SELECT entry_id AS id FROM events WHERE key_fp = ?').all(subject.fingerprint)) ids.add(r.id);
  for (const literal of subject.literals) {
    const pattern = `%${literal.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    for (const r of db.prepare<[string], { id: number }>("SELECT id FROM entries WHERE message LIKE ? ESCAPE '\\'").all(pattern)) {
      ids.add(r.id);
    }
  }
  return [...ids].sort((a, b) => a - b);
}
