import { createHmac } from 'node:crypto';
import type { Db } from './open-database.ts';
import type { PreparedEntry } from '../prepare-entry.ts';
import { connectionMacInput } from '../prepare-entry.ts';
import type { JoinServices, JoinSink, KeyView, StreamRecord } from '../events/join-records.ts';
import type { Finding } from '../findings/finding.ts';
import type { TestKeyMatcher } from '../test-traffic.ts';
import type { LogEntry } from '../entry.ts';
import type { IngestSummary } from '../report.ts';
import type { RunState } from '../identity/entry-identity.ts';
import { RULE_SEVERITY } from '../findings/finding.ts';
import { maskKey } from '../findings/mask.ts';
import { lineTemplate } from '../findings/line-template.ts';
import { Joiner, emptyJoinerState, OPEN_STREAM_MEMORY_MS } from '../events/joiner.ts';
import type { JoinerState } from '../events/joiner.ts';
import { StoreWriter } from './store-writer.ts';
import { loadOpenStreams } from './load-open-streams.ts';

export type BatchCounts = IngestSummary;

/** What a source saves with each batch so that a restart neither loses nor doubles. */
export interface SourceCheckpoint {
  run: RunState;
  /** The source's own resumable position (a file offset, …), opaque here. */
  position: unknown;
}

/** A window in which the source certainly missed entries (the report's `gaps`). */
export interface GapInput {
  fromMs: number;
  toMs: number;
  reason: string;
}

export interface BatchIngesterOptions {
  secret: Buffer;
  testKeys: TestKeyMatcher;
}

const JOINER_STATE_KEY = 'joiner';
const LINKABLE_TEMPLATE = '[AUDIT] stream.chat';

interface LinkedAuditLine {
  finding: Finding;
  /** The line with its queryHash replaced by the redaction marker. */
  message: string;
}

/** The linkable-hash finding of an audit line whose queryHash is known to be reversible. */
function linkAuditLine(message: string, mac: string): LinkedAuditLine {
  const m = /"queryHash"\s*:\s*"([0-9a-f]{16})"/.exec(message);
  const start = m ? m.index + m[0].length - 17 : 0;
  const finding: Finding = {
    rule: 'linkable-hash',
    severity: RULE_SEVERITY['linkable-hash'],
    source: 'message',
    field: 'metadata.queryHash',
    start,
    end: m ? start + 16 : 0,
    length: 16,
    preview: '…16',
    fingerprint: mac,
  };
  return { finding, message: m ? message.slice(0, start) + '[REDACTED:linkable-hash]' + message.slice(start + 16) : message };
}

/**
 * Writes prepared entries: drops those whose identity the store holds, stores the rest with their findings,
 * joins them into events, and commits the joiner's state and the source's checkpoint in the same transaction.
 */
export class BatchIngester implements JoinServices {
  private readonly writer: StoreWriter;
  private joiner!: Joiner;
  private current: PreparedEntry | null = null;
  /**
   * A stream's row changes with each of its lines (open, its audit twin, first token, close…): written once per
   * batch, in its final state, instead of once per line.
   */
  private readonly dirtyStreams = new Map<number, StreamRecord>();
  private readonly sink: JoinSink;

  constructor(
    private readonly db: Db,
    private readonly options: BatchIngesterOptions,
  ) {
    this.writer = new StoreWriter(db);
    this.sink = {
      insertEvent: (e) => this.writer.insertEvent(e),
      updateEventKey: (id, key) => this.writer.updateEventKey(id, key),
      saveStream: (stream) => this.dirtyStreams.set(stream.id, stream),
    };
    this.reload();
  }

  /** Back to what the store committed last: after a failed batch the in-memory state must not run ahead. */
  reload(): void {
    this.dirtyStreams.clear();
    const saved = this.writer.meta.get<JoinerState>(JOINER_STATE_KEY);
    const state = saved ?? emptyJoinerState(this.maxId('events') + 1, this.maxId('streams') + 1);
    const newest = this.db.prepare<[], { t: number | null }>('SELECT max(time_ms) AS t FROM entries').get()?.t ?? 0;
    this.joiner = new Joiner(state, loadOpenStreams(this.db, newest - OPEN_STREAM_MEMORY_MS), this);
  }

  checkpoint(sourceKey: string): SourceCheckpoint | null {
    return this.writer.meta.get<SourceCheckpoint>(`source:${sourceKey}`);
  }

  /** `gaps` commit with the batch: a gap is recorded once, together with the position that follows it. */
  ingest(
    batch: readonly PreparedEntry[],
    sourceKey: string | null,
    checkpoint: SourceCheckpoint | null,
    gaps: readonly GapInput[] = [],
  ): BatchCounts {
    const counts: BatchCounts = { lines: 0, entries: 0, duplicates: 0, unparsed: 0, events: 0, findings: 0 };
    try {
      this.writer.transaction(() => {
        this.ingestAll(batch, counts);
        for (const stream of this.dirtyStreams.values()) this.writer.saveStream(stream);
        this.dirtyStreams.clear();
        for (const g of gaps) this.writer.insertGap(g.fromMs, g.toMs, g.reason);
        this.writer.meta.set(JOINER_STATE_KEY, this.joiner.snapshot());
        if (sourceKey !== null && checkpoint !== null) this.writer.meta.set(`source:${sourceKey}`, checkpoint);
      });
    } catch (err) {
      this.reload();
      throw err;
    }
    return counts;
  }

  /**
   * The batch's entries are stored first, many per statement, then their findings and events in order. An audit
   * line whose queryHash already leaked (before, or in an earlier entry of the batch) is redacted before it is
   * written, not rewritten after. A leak in an entry that turns out to be a duplicate counts too: its first copy
   * is stored, and its leak with it.
   */
  private ingestAll(batch: readonly PreparedEntry[], counts: BatchCounts): void {
    const leakedInBatch = new Set<string>();
    const planned = batch.map((p) => {
      const linked = this.linkedOnArrival(p, leakedInBatch);
      for (const mac of p.leakedQueryHashes) leakedInBatch.add(mac);
      const entry = linked === null ? p.entry : { ...p.entry, message: linked.message };
      return { p, linked, entry, identity: p.identity, flagged: p.findings.length > 0 || linked !== null };
    });
    const ids = this.writer.insertEntries(planned);
    planned.forEach(({ p, entry, linked }, i) => this.ingestOne(p, entry, ids[i] ?? null, linked, counts));
  }

  private ingestOne(p: PreparedEntry, entry: LogEntry, entryId: number | null, linked: LinkedAuditLine | null, counts: BatchCounts): void {
    counts.lines += p.entry.lines;
    if (entryId === null) {
      counts.duplicates++;
      return;
    }
    counts.entries++;
    if (p.entry.unparsed) counts.unparsed++;
    if (p.findings.length > 0) {
      // Made here, not where the entry is prepared: with scanning on, the prepare worker is the busier thread.
      const template = lineTemplate(p.entry.message);
      for (const finding of p.findings) this.writer.insertFinding(entryId, entry, { finding, template });
    }
    counts.findings += p.findings.length;
    if (linked !== null) {
      this.writer.insertFinding(entryId, entry, { finding: linked.finding, template: LINKABLE_TEMPLATE });
      counts.findings++;
    } else counts.findings += this.linkQueryHashes(p, entryId);
    if (p.signal !== null) {
      this.current = p;
      counts.events += this.joiner.join({ entry, entryId, signal: p.signal }, this.sink);
      this.current = null;
    }
  }

  private linkedOnArrival(p: PreparedEntry, leakedInBatch: ReadonlySet<string>): LinkedAuditLine | null {
    if (p.leakedQueryHashes.length > 0 || p.queryHashMac === null || p.findings.some((f) => f.rule === 'linkable-hash')) return null;
    if (!leakedInBatch.has(p.queryHashMac) && !this.writer.hasLeakedQueryHashMac(p.queryHashMac)) return null;
    return linkAuditLine(p.entry.message, p.queryHashMac);
  }

  /**
   * linkable-hash across entries: an audit line's queryHash equal to the hash of a query that leaked elsewhere.
   * Either may come first; both sides are kept as keyed hashes only. An audit line waits (as a MAC) until a leak
   * of its hash arrives, is flagged then, and stops waiting; a hash that leaked once flags every later audit line
   * at once (`linkedOnArrival`). So each entry is matched once, however often a common query repeats.
   */
  private linkQueryHashes(p: PreparedEntry, entryId: number): number {
    let added = 0;
    for (const mac of p.leakedQueryHashes) {
      if (this.writer.hasLeakedQueryHashMac(mac)) continue;
      this.writer.addQueryHashMac(mac, 'leaked', entryId);
      for (const auditEntry of this.writer.entriesWithQueryHashMac(mac, 'audit')) added += this.flagLinkable(auditEntry, mac);
      this.writer.deleteQueryHashMacs(mac, 'audit');
    }
    if (p.queryHashMac !== null && !p.findings.some((f) => f.rule === 'linkable-hash')) {
      if (this.writer.hasLeakedQueryHashMac(p.queryHashMac)) added += this.flagLinkable(entryId, p.queryHashMac);
      else this.writer.addQueryHashMac(p.queryHashMac, 'audit', entryId);
    }
    return added;
  }

  /** An audit line stored before its hash leaked: flagged now, and the pseudonym leaves its stored text too. */
  private flagLinkable(entryId: number, mac: string): number {
    const row = this.writer.entryRef(entryId);
    if (!row) return 0;
    const linked = linkAuditLine(row.message, mac);
    this.writer.insertFinding(entryId, { timeMs: row.time_ms, instance: row.instance }, { finding: linked.finding, template: LINKABLE_TEMPLATE });
    if (linked.message !== row.message) this.writer.replaceMessage(entryId, linked.message);
    else this.writer.flagEntry(entryId);
    return 1;
  }

  seenBefore(connectionId: string): boolean {
    const p = this.current;
    const made = p !== null && p.connectionMac && p.signal !== null && 'connectionId' in p.signal && p.signal.connectionId === connectionId;
    return this.writer.seenBefore(made ? (p.connectionMac as string) : this.mac(connectionMacInput(connectionId)));
  }

  viewKey(key: string): KeyView {
    const colon = key.indexOf(':');
    const id = colon < 0 ? key : key.slice(colon + 1);
    const redacted = id.includes('[REDACTED:');
    if (redacted) {
      // The scanner took the value out: its finding carries the fingerprint and the masked form.
      const f = this.current?.findings.find((x) => x.rule === 'email') ?? this.current?.findings[0];
      const prefix = colon < 0 ? '' : key.slice(0, colon + 1);
      return { fingerprint: f?.fingerprint ?? this.mac(`key:${key}`), display: `${prefix}${f?.preview ?? '…'}`, test: false };
    }
    const test = this.options.testKeys(id);
    return { fingerprint: this.mac(id), display: test ? key : maskKey(key), test };
  }

  private mac(value: string): string {
    return createHmac('sha256', this.options.secret).update(value).digest('hex');
  }

  private maxId(table: 'events' | 'streams'): number {
    return this.db.prepare<[], { m: number | null }>(`SELECT max(id) AS m FROM ${table}`).get()?.m ?? 0;
  }
}
