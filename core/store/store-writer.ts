import type { Db } from './open-database.ts';
import type { LogEntry } from '../entry.ts';
import type { Finding } from '../findings/finding.ts';
import type { EventRecord, JoinSink, KeyView, StreamRecord } from '../events/join-records.ts';
import { MetaTable } from './meta.ts';
import { SeenConnections } from './seen-connections.ts';
import { QueryHashMacs } from './query-hash-macs.ts';
import type { QueryHashMacKind } from './query-hash-macs.ts';
import { MinuteCountBuffer, ENTRIES_KIND, FLAGGED_KIND, eventKind, proxyKind, sourceKind } from './minute-counts.ts';
import { NumberedInserts } from './numbered-inserts.ts';
import { FindingKinds, ruleBit } from './finding-kinds.ts';
import { FindingValues } from './finding-values.ts';
import type { FindingKind } from './finding-kinds.ts';
import { BufferedInserts } from './buffered-inserts.ts';

export interface StoredFindingInput {
  finding: Finding;
  template: string;
}

export interface EntryInsert {
  entry: LogEntry;
  identity: bigint;
  flagged: boolean;
}

type EntryValues = [
  identity: bigint, timeMs: number, time: string, instance: string, provider: string, region: string, level: string, message: string,
  http: string | null, format: string, unparsed: 0 | 1, flagged: 0 | 1,
];
const ENTRY_COLUMNS = ['identity', 'time_ms', 'time', 'instance', 'provider', 'region', 'level', 'message', 'http', 'format', 'unparsed', 'flagged'];

// The entry's time, instance and provider are read from the entry (migration 5): they are not written here.
type FindingRow = [entryId: number, timeMs: number, kindId: number, valueId: number, start: number, end: number];
const FINDING_COLUMNS = ['entry_id', 'time_ms', 'kind_id', 'value_id', 'start', 'end'];

type EventRow = [
  id: number, timeMs: number, time: string, type: string, level: string, instance: string, connectionId: string | null,
  keyFingerprint: string | null, keyDisplay: string | null, test: 0 | 1, data: string, entryId: number,
];
const EVENT_COLUMNS = ['id', 'time_ms', 'time', 'type', 'level', 'instance', 'connection_id', 'key_fp', 'key_display', 'test', 'data', 'entry_id'];

type StreamRow = [
  id: number, connectionId: string, instance: string, openMs: number | null, reconnect: 0 | 1, failed: 0 | 1, failMs: number | null,
  closeMs: number | null, closeVia: string | null, firstTokenMs: number | null, firstTokenAt: number | null, firstTokenFromAudit: 0 | 1,
  durationMs: number | null, tokens: number | null, interTokenMs: number | null, queryHashOk: 0 | 1 | null, test: 0 | 1,
  keyFingerprint: string | null, openEventId: number | null,
];
const STREAM_COLUMNS = [
  'id', 'connection_id', 'instance', 'open_ms', 'reconnect', 'failed', 'fail_ms', 'close_ms', 'close_via', 'first_token_ms', 'first_token_at',
  'first_token_from_audit', 'duration_ms', 'tokens', 'inter_token_ms', 'query_hash_ok', 'test', 'key_fp', 'open_event_id',
];

/**
 * The only code that writes rows. Statements are prepared once; callers group calls in `transaction` so that a
 * batch, the joiner's state and the source's position commit together or not at all.
 */
export class StoreWriter implements JoinSink {
  readonly meta: MetaTable;
  /** Written at once, not at the transaction's end: the statement tells which entries were new. */
  private readonly entryInserts: NumberedInserts<EntryValues>;
  private readonly eventInserts: BufferedInserts<EventRow>;
  private readonly updateEventStmt;
  private readonly streamUpserts: BufferedInserts<StreamRow>;
  private readonly findingInserts: NumberedInserts<FindingRow>;
  private readonly kinds: FindingKinds;
  private readonly values: FindingValues;
  private readonly firstHighStmt;
  private readonly insertFirstHighStmt;
  /** High fingerprints known to `high_fingerprints`; forgotten on rollback, like the finding kinds. */
  private readonly knownHigh = new Set<string>();
  private readonly flagEntryStmt;
  private readonly seenConnections: SeenConnections;
  private readonly queryHashMacs: QueryHashMacs;
  private readonly entryRefStmt;
  private readonly replaceMessageStmt;
  private readonly insertGapStmt;
  private readonly rulesOfEntryStmt;
  private readonly minuteCounts: MinuteCountBuffer;
  /** Rules already counted per entry in this transaction, as bits (ruleBit): an entry counts once per rule in `minute_counts`. */
  private readonly countedRules = new Map<number, number>();
  private depth = 0;

  constructor(
    private readonly db: Db,
    /** How many leaked-query hashes are held in memory before they are asked of the store (QueryHashMacs). */
    leakedInMemory?: number,
  ) {
    this.meta = new MetaTable(db);
    this.entryInserts = new NumberedInserts(db, 'entries', ENTRY_COLUMNS, 'ON CONFLICT(time_ms, identity) DO NOTHING');
    this.eventInserts = new BufferedInserts(db, 'stored_events', EVENT_COLUMNS);
    this.updateEventStmt = db.prepare('UPDATE stored_events SET key_fp = ?, key_display = ?, test = ? WHERE id = ?');
    // A stream is written again when a later batch changes it: only what can change is updated, so its
    // connection id's index entry stays where it is.
    this.streamUpserts = new BufferedInserts(
      db,
      'streams',
      STREAM_COLUMNS,
      `ON CONFLICT(id) DO UPDATE SET ${STREAM_COLUMNS.filter((c) => !['id', 'connection_id', 'instance'].includes(c)).map((c) => `${c} = excluded.${c}`).join(', ')}`,
    );
    this.findingInserts = new NumberedInserts(db, 'stored_findings', FINDING_COLUMNS);
    this.firstHighStmt = db.prepare<[string], number>('SELECT first_finding_id FROM high_fingerprints WHERE fingerprint = ?').pluck();
    this.insertFirstHighStmt = db.prepare('INSERT INTO high_fingerprints (fingerprint, first_finding_id) VALUES (?, ?)');
    this.kinds = new FindingKinds(db);
    this.values = new FindingValues(db);
    this.flagEntryStmt = db.prepare('UPDATE entries SET flagged = 1 WHERE id = ?');
    this.seenConnections = new SeenConnections(db);
    this.queryHashMacs = new QueryHashMacs(db, leakedInMemory);
    this.entryRefStmt = db.prepare<[number], { time_ms: number; time: string; instance: string; provider: string; message: string }>(
      'SELECT time_ms, time, instance, provider, message FROM entries WHERE id = ?',
    );
    this.replaceMessageStmt = db.prepare('UPDATE entries SET message = ?, flagged = 1 WHERE id = ?');
    this.insertGapStmt = db.prepare('INSERT INTO gaps (from_ms, to_ms, reason) VALUES (?, ?, ?)');
    this.rulesOfEntryStmt = db.prepare<[number], string>(
      'SELECT DISTINCT k.rule FROM stored_findings f JOIN finding_kinds k ON k.id = f.kind_id WHERE f.entry_id = ?',
    ).pluck();
    this.minuteCounts = new MinuteCountBuffer(db);
  }

  /**
   * Runs `fn` in one transaction; the per-minute counts and the findings, events and streams it gathered are
   * written before it commits, or dropped with it. A nested call is a savepoint: its counts join the outer transaction's, or are
   * dropped alone if it fails.
   */
  transaction<T>(fn: () => T): T {
    const outermost = this.depth === 0;
    const before = outermost ? null : this.minuteCounts.snapshot();
    const findingsBefore = outermost ? null : this.findingInserts.mark;
    const eventsBefore = this.eventInserts.size;
    const streamsBefore = this.streamUpserts.size;
    this.depth++;
    try {
      return this.db.transaction(() => {
        if (outermost) {
          this.entryInserts.begin();
          this.findingInserts.begin();
          this.values.begin();
        }
        const result = fn();
        this.findingInserts.flush();
        this.eventInserts.flush();
        this.streamUpserts.flush();
        if (outermost) this.minuteCounts.flush();
        return result;
      })();
    } catch (err) {
      if (before === null) this.minuteCounts.discard();
      else this.minuteCounts.restore(before);
      if (findingsBefore === null) this.findingInserts.discard();
      else this.findingInserts.restore(findingsBefore);
      this.eventInserts.restore(eventsBefore);
      this.streamUpserts.restore(streamsBefore);
      // Row ids of a rolled-back insert can come back: what was counted for them is forgotten, and asked again.
      this.countedRules.clear();
      this.kinds.forget();
      this.values.forget();
      this.knownHigh.clear();
      this.seenConnections.reload();
      this.queryHashMacs.forget();
      throw err;
    } finally {
      this.depth--;
      if (outermost) this.countedRules.clear();
    }
  }

  /** Stores redacted entries, many per statement; each one's row id, or null for an identity the store holds. */
  insertEntries(rows: readonly EntryInsert[]): (number | null)[] {
    const given = rows.map(({ entry: e, identity, flagged }) =>
      this.entryInserts.add([
        0, identity, e.timeMs, e.time, e.instance, e.provider, e.region, e.level, e.message, e.http === undefined ? null : JSON.stringify(e.http),
        e.format, e.unparsed ? 1 : 0, flagged ? 1 : 0,
      ]),
    );
    // An id the statement did not answer is an entry whose identity the store already held: a duplicate.
    const stored = new Set(this.entryInserts.flush());
    return given.map((id, i) => {
      if (!stored.has(id)) return null;
      this.minuteCounts.add(ENTRIES_KIND, (rows[i] as EntryInsert).entry.timeMs);
      return id;
    });
  }

  /** Queues the finding's row (written when the transaction ends); returns its id. */
  insertFinding(entryId: number, entry: Pick<LogEntry, 'timeMs' | 'instance'>, input: StoredFindingInput): number {
    const f = input.finding;
    const kind = this.kinds.of(f, input.template);
    this.countFinding(entryId, entry, kind);
    // Stored as `open` (the column's default), until a review says otherwise.
    this.minuteCounts.add(kind.openKind, entry.timeMs);
    const id = this.findingInserts.add([0, entryId, entry.timeMs, kind.id, this.values.of(f), f.start, f.end]);
    if (f.severity === 'high') this.rememberHigh(f.fingerprint, id);
    return id;
  }

  private rememberHigh(fingerprint: string, findingId: number): void {
    if (this.knownHigh.has(fingerprint)) return;
    if (this.firstHighStmt.get(fingerprint) === undefined) this.insertFirstHighStmt.run(fingerprint, findingId);
    // Bounded: a store with very many distinct leaked values asks the table again, which is exact either way.
    if (this.knownHigh.size >= 100_000) this.knownHigh.clear();
    this.knownHigh.add(fingerprint);
  }

  /** Flagged entries, entries per rule and per leak source: each entry once, whenever its findings arrive. Runs before the insert. */
  private countFinding(entryId: number, entry: Pick<LogEntry, 'timeMs' | 'instance'>, kind: FindingKind): void {
    const rule = kind.rule;
    let rules = this.countedRules.get(entryId);
    if (rules === undefined) {
      // An entry of this transaction has had no finding counted yet (its findings are not in the table before the
      // commit). One of an earlier transaction (a linkable hash found later) has: what it already has counts.
      rules = 0;
      if (entryId < this.entryInserts.firstOfTransaction) for (const stored of this.rulesOfEntryStmt.all(entryId)) rules |= ruleBit(stored);
      this.countedRules.set(entryId, rules);
    }
    if ((rules & kind.ruleBit) !== 0) return;
    if (rules === 0) this.minuteCounts.add(FLAGGED_KIND, entry.timeMs);
    this.countedRules.set(entryId, rules | kind.ruleBit);
    this.minuteCounts.add(kind.ruleKind, entry.timeMs);
    let source = kind.sourceKinds.get(entry.instance);
    if (source === undefined) {
      source = sourceKind(rule, entry.instance, kind.template);
      kind.sourceKinds.set(entry.instance, source);
    }
    this.minuteCounts.add(source, entry.timeMs);
  }

  flagEntry(entryId: number): void {
    this.flagEntryStmt.run(entryId);
  }

  /** True when the id's keyed hash was stored before; stores it. */
  seenBefore(connectionMac: string): boolean {
    return this.seenConnections.seenBefore(connectionMac);
  }

  addQueryHashMac(mac: string, kind: QueryHashMacKind, entryId: number): void {
    this.queryHashMacs.add(mac, kind, entryId);
  }

  entriesWithQueryHashMac(mac: string, kind: QueryHashMacKind): number[] {
    return this.queryHashMacs.entriesWith(mac, kind);
  }

  hasLeakedQueryHashMac(mac: string): boolean {
    return this.queryHashMacs.hasLeaked(mac);
  }

  deleteQueryHashMacs(mac: string, kind: QueryHashMacKind): void {
    this.queryHashMacs.delete(mac, kind);
  }

  entryRef(entryId: number): { time_ms: number; time: string; instance: string; provider: string; message: string } | undefined {
    return this.entryRefStmt.get(entryId);
  }

  replaceMessage(entryId: number, message: string): void {
    this.replaceMessageStmt.run(message, entryId);
  }

  insertGap(fromMs: number, toMs: number, reason: string): void {
    this.insertGapStmt.run(fromMs, toMs, reason);
  }

  /** Queues the event's row, written when the transaction ends. */
  insertEvent(e: EventRecord): void {
    this.eventInserts.add([
      e.id, e.timeMs, e.time, e.type, e.level, e.instance, e.connectionId, e.keyFingerprint, e.keyDisplay, e.test ? 1 : 0,
      JSON.stringify(e.data), e.entryId,
    ]);
    this.minuteCounts.add(eventKind(e.type), e.timeMs);
    if (e.type === 'platform.proxy-error') {
      const code = e.data['code'];
      this.minuteCounts.add(proxyKind(typeof code === 'string' ? code : null), e.timeMs);
    }
  }

  updateEventKey(eventId: number, key: KeyView): void {
    const waiting = this.eventInserts.waiting(eventId);
    if (waiting === undefined) {
      this.updateEventStmt.run(key.fingerprint, key.display, key.test ? 1 : 0, eventId);
      return;
    }
    waiting[7] = key.fingerprint;
    waiting[8] = key.display;
    waiting[9] = key.test ? 1 : 0;
  }

  /** Queues the stream's row (new or changed), written when the transaction ends. */
  saveStream(s: StreamRecord): void {
    this.streamUpserts.add([
      s.id, s.connectionId, s.instance, s.openMs, s.reconnect ? 1 : 0, s.failed ? 1 : 0, s.failMs, s.closeMs, s.closeVia, s.firstTokenMs,
      s.firstTokenAt, s.firstTokenFromAudit ? 1 : 0, s.durationMs, s.tokens, s.interTokenMs, s.queryHashOk === null ? null : s.queryHashOk ? 1 : 0,
      s.test ? 1 : 0, s.keyFingerprint, s.openEventId,
    ]);
  }
}
