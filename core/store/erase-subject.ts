import type { Store } from './store.ts';
import type { Subject } from './subject-key.ts';
import { entriesOfSubject } from './subject-access.ts';

export interface Erasure {
  entries: number;
  events: number;
  findings: number;
  streams: number;
}

/**
 * What erasing a person deletes: the entries that hold a trace of them, every finding of those entries and every
 * finding of their fingerprint, the events read from those entries or keyed by the fingerprint, and the streams
 * keyed by it. More than `lookupSubject` counts as the person's own traces: a finding or event read from one of
 * their entries goes with the entry. `lookup` shows it before anyone erases.
 */
export interface ErasurePlan {
  entryIds: number[];
  findingIds: number[];
  counts: Erasure;
}

/** `entryIds`: as lookupSubject takes them. */
export function planErasure(store: Store, subject: Subject, entryIds = entriesOfSubject(store, subject)): ErasurePlan {
  const db = store.db;
  const idList = entryIds.join(',');
  const ofEntries =
    entryIds.length === 0 ? [] : db.prepare<[], number>(`SELECT id FROM stored_findings WHERE entry_id IN (${idList})`).pluck().all();
  const ofFingerprint = db
    .prepare<[string], number>('SELECT f.id FROM stored_findings f JOIN finding_values v ON v.id = f.value_id WHERE v.fingerprint = ?')
    .pluck()
    .all(subject.fingerprint);
  const findingIds = [...new Set([...ofEntries, ...ofFingerprint])];
  const events =
    db
      .prepare<[string], number>(`SELECT count(*) FROM stored_events WHERE key_fp = ?${entryIds.length === 0 ? '' : ` OR entry_id IN (${idList})`}`)
      .pluck()
      .get(subject.fingerprint) ?? 0;
  const streams = db.prepare<[string], number>('SELECT count(*) FROM streams WHERE key_fp = ?').pluck().get(subject.fingerprint) ?? 0;
  return { entryIds, findingIds, counts: { entries: entryIds.length, findings: findingIds.length, events, streams } };
}

/**
 * Deletes every stored trace of one person (planErasure), with `secure_delete` on so that freed pages are
 * zeroed, then checkpoints the WAL with TRUNCATE so that no older copy of those pages stays in the -wal file. The
 * keyed hashes of connection ids stay: they hold nothing of the person and keep the reconnect rule right.
 */
export function eraseSubject(store: Store, subject: Subject): Erasure {
  const db = store.db;
  db.pragma('secure_delete = ON');
  try {
    const result = db.transaction((): Erasure => {
      const { entryIds, findingIds } = planErasure(store, subject);
      const idList = entryIds.join(',');
      const findingList = findingIds.join(',');
      const valueIds =
        findingIds.length === 0 ? [] : db.prepare<[], number>(`SELECT DISTINCT value_id FROM stored_findings WHERE id IN (${findingList})`).pluck().all();
      if (findingIds.length > 0) db.exec(`DELETE FROM finding_history WHERE finding_id IN (${findingList})`);
      const findings = findingIds.length === 0 ? 0 : db.prepare(`DELETE FROM stored_findings WHERE id IN (${findingList})`).run().changes;
      deleteUnusedValues(store, valueIds);
      let events = db.prepare('DELETE FROM stored_events WHERE key_fp = ?').run(subject.fingerprint).changes;
      if (entryIds.length > 0) events += db.prepare(`DELETE FROM stored_events WHERE entry_id IN (${idList})`).run().changes;
      const streams = db.prepare('DELETE FROM streams WHERE key_fp = ?').run(subject.fingerprint).changes;
      if (entryIds.length > 0) db.exec(`DELETE FROM query_hash_macs WHERE entry_id IN (${idList})`);
      db.prepare('DELETE FROM high_fingerprints WHERE fingerprint = ?').run(subject.fingerprint);
      const entries = entryIds.length === 0 ? 0 : db.prepare(`DELETE FROM entries WHERE id IN (${idList})`).run().changes;
      return { entries, events, findings, streams };
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    return result;
  } finally {
    db.pragma('secure_delete = FAST');
  }
}

/** The masked values of the deleted findings that no other finding still holds: one pass over the findings. */
function deleteUnusedValues(store: Store, valueIds: readonly number[]): void {
  if (valueIds.length === 0) return;
  const list = valueIds.join(',');
  const used = new Set(store.db.prepare<[], number>(`SELECT DISTINCT value_id FROM stored_findings WHERE value_id IN (${list})`).pluck().all());
  const unused = valueIds.filter((id) => !used.has(id));
  if (unused.length > 0) store.db.exec(`DELETE FROM finding_values WHERE id IN (${unused.join(',')})`);
}
