import type { Db } from './open-database.ts';
import type { LogEntry } from '../entry.ts';
import type { Finding } from '../findings/finding.ts';
import type { EventRecord, JoinSink, StreamRecord } from '../events/join-records.ts';
import { MetaTable } from './meta.ts';

export interface StoredFindingInput {
  finding: Finding;
  template: string;
}

/**
 * The only code that writes rows. Statements are prepared once; callers group calls in `transaction` so that a
 * batch, the joiner's state and the source's position commit together or not at all.
 */
export class StoreWriter implements JoinSink {
  readonly meta: MetaTable;
  private readonly insertEntryStmt;
  private readonly insertEventStmt;
  private readonly updateEventStmt;
  private readonly saveStreamStmt;
  private readonly insertFindingStmt;
  private readonly flagEntryStmt;
  private readonly seenStmt;
  private readonly markSeenStmt;
  private readonly insertMacStmt;
  private readonly findMacStmt;
  private readonly insertGapStmt;

  constructor(private readonly db: Db) {
    this.meta = new MetaTable(db);
    this.insertEntryStmt = db.prepare(
      `INSERT INTO entries (identity, time_ms, time, instance, provider, region, level, message, http, format, unparsed, flagged)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(identity) DO NOTHING`,
    );
    this.insertEventStmt = db.prepare(
      `INSERT INTO events (id, time_ms, time, type, level, instance, connection_id, key_fp, key_display, test, summary, data, entry_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.updateEventStmt = db.prepare('UPDATE events SET key_fp = ?, key_display = ?, test = ? WHERE id = ?');
    this.saveStreamStmt = db.prepare(
      `INSERT OR REPLACE INTO streams (id, connection_id, instance, open_ms, reconnect, failed, fail_ms, close_ms, close_via,
         first_token_ms, first_token_at, first_token_from_audit, duration_ms, tokens, inter_token_ms, query_hash_ok, test, key_fp, open_event_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertFindingStmt = db.prepare(
      `INSERT INTO findings (entry_id, time_ms, time, instance, provider, rule, severity, source, field, start, end, length, preview, fingerprint, template)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.flagEntryStmt = db.prepare('UPDATE entries SET flagged = 1 WHERE id = ?');
    this.seenStmt = db.prepare<[string], { mac: string }>('SELECT mac FROM seen_connections WHERE mac = ?');
    this.markSeenStmt = db.prepare('INSERT OR IGNORE INTO seen_connections (mac) VALUES (?)');
    this.insertMacStmt = db.prepare('INSERT OR IGNORE INTO query_hash_macs (mac, kind, entry_id) VALUES (?, ?, ?)');
    this.findMacStmt = db.prepare<[string, string], { entry_id: number }>('SELECT entry_id FROM query_hash_macs WHERE mac = ? AND kind = ?');
    this.insertGapStmt = db.prepare('INSERT INTO gaps (from_ms, to_ms, reason) VALUES (?, ?, ?)');
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** Stores a redacted entry; returns its row id, or null when the store already holds its identity. */
  insertEntry(entry: LogEntry, identity: bigint, flagged: boolean): number | null {
    const http = entry.http === undefined ? null : JSON.stringify(entry.http);
    const r = this.insertEntryStmt.run(
      identity, entry.timeMs, entry.time, entry.instance, entry.provider, entry.region, entry.level, entry.message, http,
      entry.format, entry.unparsed ? 1 : 0, flagged ? 1 : 0,
    );
    return r.changes === 0 ? null : Number(r.lastInsertRowid);
  }

  insertFinding(entryId: number, entry: Pick<LogEntry, 'timeMs' | 'time' | 'instance' | 'provider'>, input: StoredFindingInput): number {
    const f = input.finding;
    const r = this.insertFindingStmt.run(
      entryId, entry.timeMs, entry.time, entry.instance, entry.provider, f.rule, f.severity, f.source, f.field, f.start, f.end,
      f.length, f.preview, f.fingerprint, input.template,
    );
    return Number(r.lastInsertRowid);
  }

  flagEntry(entryId: number): void {
    this.flagEntryStmt.run(entryId);
  }

  /** True when the id's keyed hash was stored before; stores it. */
  seenBefore(connectionMac: string): boolean {
    if (this.seenStmt.get(connectionMac)) return true;
    this.markSeenStmt.run(connectionMac);
    return false;
  }

  addQueryHashMac(mac: string, kind: 'audit' | 'leaked', entryId: number): void {
    this.insertMacStmt.run(mac, kind, entryId);
  }

  entriesWithQueryHashMac(mac: string, kind: 'audit' | 'leaked'): number[] {
    return this.findMacStmt.all(mac, kind).map((r) => r.entry_id);
  }

  insertGap(fromMs: number, toMs: number, reason: string): void {
    this.insertGapStmt.run(fromMs, toMs, reason);
  }

  insertEvent(e: EventRecord): void {
    this.insertEventStmt.run(
      e.id, e.timeMs, e.time, e.type, e.level, e.instance, e.connectionId, e.keyFingerprint, e.keyDisplay, e.test ? 1 : 0, e.summary,
      JSON.stringify(e.data), e.entryId,
    );
  }

  updateEvent(e: EventRecord): void {
    this.updateEventStmt.run(e.keyFingerprint, e.keyDisplay, e.test ? 1 : 0, e.id);
  }

  saveStream(s: StreamRecord): void {
    this.saveStreamStmt.run(
      s.id, s.connectionId, s.instance, s.openMs, s.reconnect ? 1 : 0, s.failed ? 1 : 0, s.failMs, s.closeMs, s.closeVia, s.firstTokenMs,
      s.firstTokenAt, s.firstTokenFromAudit ? 1 : 0, s.durationMs, s.tokens, s.interTokenMs, s.queryHashOk === null ? null : s.queryHashOk ? 1 : 0,
      s.test ? 1 : 0, s.keyFingerprint, s.openEventId,
    );
  }
}
