import type { SourceStatus, StoreStatus } from '../../core/api.ts';
import type { LogEntry, TransportFormat } from '../../core/entry.ts';
import { SCAN_FAILED } from '../../core/findings/scanner.ts';
import type { Scanner } from '../../core/findings/scanner.ts';
import { EntryIdentity } from '../../core/identity/entry-identity.ts';
import type { RunState } from '../../core/identity/entry-identity.ts';
import { prepareEntry } from '../../core/prepare-entry.ts';
import type { PreparedEntry } from '../../core/prepare-entry.ts';
import { BatchIngester } from '../../core/store/batch-ingester.ts';
import type { GapInput, SourceCheckpoint } from '../../core/store/batch-ingester.ts';
import { purgeExpired } from '../../core/store/purge-expired.ts';
import { Store, StoreKindError } from '../../core/store/store.ts';
import type { TestKeyMatcher } from '../../core/test-traffic.ts';
import type { FormatChoice } from '../read-entries.ts';
import { Backoff } from '../sources/backoff.ts';
import type { BackoffOptions } from '../sources/backoff.ts';
import type { LiveSource, SourcePosition, SourceRestart, SourceSink } from '../sources/source.ts';
import type { SourceLog } from '../sources/source-log.ts';
import { formatSeconds } from '../sources/format-seconds.ts';
import { CommittedRows } from './committed-rows.ts';
import { EntryFeeder } from './entry-feeder.ts';
import type { CommittedBatch } from './live-ingest-handle.ts';
import { DEFAULT_REPLAY_WINDOW, ReplayJudge } from './replay-judge.ts';
import type { ReplayJudgeOptions } from './replay-judge.ts';
import { describeStoreFailure } from './store-failure.ts';
import type { StoreFailure } from './store-failure.ts';
import { countEntries, oldestEntryAt, storeBytes } from './store-status.ts';

export interface PipelineTiming {
  /** A batch commits this long after its first entry… */
  batchMs: number;
  /** …or as soon as it holds this many entries. */
  batchMaxEntries: number;
  /** The source quiet this long: the entry the reader holds back (awaiting continuation lines) comes out. */
  flushAfterMs: number;
  /** Waits between attempts to write to a store that failed (full, read-only). */
  storeRetry: BackoffOptions;
  replay: ReplayJudgeOptions;
  /** A live-only source that was down longer than this (the service stopped) leaves a gap. */
  minGapMs: number;
  /** Live-only sources save their checkpoint this often even without entries: it says until when they were up. */
  heartbeatMs: number;
  /** Status figures, replay verdicts and retention run on this tick. */
  tickMs: number;
  purgeEveryMs: number;
  /** While the store cannot be written, a source that cannot be paused keeps at most this many entries waiting. */
  maxHeldEntries: number;
}

export const DEFAULT_PIPELINE_TIMING: PipelineTiming = {
  batchMs: 50,
  batchMaxEntries: 2000,
  flushAfterMs: 100,
  storeRetry: { initialMs: 1000, maxMs: 30_000 },
  replay: DEFAULT_REPLAY_WINDOW,
  minGapMs: 5000,
  heartbeatMs: 30_000,
  tickMs: 1000,
  purgeEveryMs: 3_600_000,
  maxHeldEntries: 50_000,
};

export interface LivePipelineOptions {
  source: LiveSource;
  /** Names the source's checkpoint in the store: `file:/var/log/app.log`, `fly:my-app`. */
  sourceKey: string;
  format: FormatChoice;
  dbPath: string;
  /** Opens the write connection; called again to replace a connection that turned read-only. */
  openStore: () => Store;
  scanner: (secret: Buffer) => Scanner | null;
  testKeys: TestKeyMatcher;
  retentionDays: number;
  timing?: Partial<PipelineTiming>;
  /** For app log files, which carry no instance. */
  instance?: string;
  now?: () => number;
  log?: SourceLog;
  onCommitted?: (batch: CommittedBatch) => void;
  /** `changed`: the source's or the store's state changed (not merely its figures). */
  onStatus?: (source: SourceStatus, store: StoreStatus, changed: boolean) => void;
}

/** What the pipeline saves as the source's position, beside the identity run. */
export interface LivePosition {
  at: SourcePosition;
  format: TransportFormat | null;
  lastEntryMs: number | null;
  lastEntryAt: string | null;
  /** When this checkpoint was written: until then, the source was up. */
  savedAtMs: number;
}

interface Boundary {
  position: SourcePosition;
  /** Entries prepared when the boundary was reached: the checkpoint may use it only while no entry followed. */
  prepared: number;
}

/**
 * The live ingest: a source's bytes become entries, are scanned and identified, and are committed in batches
 * with the checkpoint that lets a restart continue exactly there. What each commit added is read back and
 * handed on, so that listeners only ever see what the store holds. When the store cannot be written, the batch is
 * kept (never acknowledged), the source is paused, and the commit is retried with backoff.
 */
export class LivePipeline {
  private readonly timing: PipelineTiming;
  private readonly now: () => number;
  private readonly source: LiveSource;
  private readonly storeBackoff: Backoff;
  private store: Store | null = null;
  private ingester: BatchIngester | null = null;
  private scanner: Scanner | null = null;
  private rows: CommittedRows | null = null;
  private feeder: EntryFeeder | null = null;
  private identity = new EntryIdentity();
  private batch: PreparedEntry[] = [];
  private gaps: GapInput[] = [];
  private prepared = 0;
  private boundary: Boundary | null = null;
  private judge: ReplayJudge | null = null;
  private lastEntryMs: number | null = null;
  private lastEntryAt: string | null = null;
  private lastCommitAt = 0;
  private lastPurgeAt = 0;
  private lastRecountAt = 0;
  private failing: StoreFailure | null = null;
  private dropped: { count: number; fromMs: number; toMs: number } | null = null;
  private storeState: StoreStatus;
  private batchTimer: NodeJS.Timeout | null = null;
  private flushTimer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private tickTimer: NodeJS.Timeout | null = null;
  private stopping = false;
  private stopped = false;
  /** Streams a replaying source started since this pipeline did. */
  private streams = 0;

  constructor(private readonly options: LivePipelineOptions) {
    this.timing = { ...DEFAULT_PIPELINE_TIMING, ...options.timing };
    this.now = options.now ?? Date.now;
    this.source = options.source;
    this.storeBackoff = new Backoff(this.timing.storeRetry);
    this.storeState = {
      path: options.dbPath,
      bytes: storeBytes(options.dbPath),
      writable: true,
      reason: null,
      retentionDays: options.retentionDays,
      entries: 0,
      oldestEntryAt: null,
    };
  }

  /**
   * Opens the store (retrying while it cannot be opened), then starts the source where the last commit ended.
   * Resolves once the source runs; rejects only when retrying cannot help (the database holds the other kind).
   */
  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      const attempt = (): void => {
        if (this.stopping) {
          resolve();
          return;
        }
        try {
          this.openStore();
        } catch (err) {
          if (err instanceof StoreKindError) {
            this.storeState = { ...this.storeState, writable: false, reason: err.message };
            this.emitStatus(true);
            reject(err);
            return;
          }
          this.noteFailure(err);
          this.retryTimer = setTimeout(attempt, this.storeBackoff.next());
          return;
        }
        this.recovered();
        this.startSource();
        resolve();
      };
      attempt();
    });
  }

  sourceStatus(): SourceStatus {
    return { ...this.source.status(), lastEntryAt: this.lastEntryAt };
  }

  storeStatus(): StoreStatus {
    return { ...this.storeState };
  }

  /** Stops the source, commits what it delivered, closes the write connection. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopping = true;
    for (const t of [this.tickTimer, this.flushTimer, this.batchTimer]) if (t) clearTimeout(t);
    await this.source.stop();
    this.feeder?.flush();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    // One last attempt even while failing: what does not commit now is read again (or replayed) next time.
    if (this.ingester !== null) this.tryCommit();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.store?.close();
    this.store = null;
    this.ingester = null;
    this.stopped = true;
    this.emitStatus(true);
  }

  private openStore(): void {
    const store = this.options.openStore();
    try {
      const ingester = new BatchIngester(store.db, { secret: store.secret, testKeys: this.options.testKeys });
      this.scanner ??= this.options.scanner(store.secret);
      this.rows ??= new CommittedRows(store);
      this.store = store;
      this.ingester = ingester;
    } catch (err) {
      store.close();
      throw err;
    }
    this.storeState = { ...this.storeState, entries: countEntries(store), oldestEntryAt: oldestEntryAt(store), bytes: storeBytes(this.options.dbPath) };
    this.lastRecountAt = this.now();
  }

  private startSource(): void {
    const ingester = this.ingester;
    if (ingester === null) return;
    const saved = ingester.checkpoint(this.options.sourceKey);
    const position = livePosition(saved);
    const resumeFrom = position?.at ?? null;
    if (this.source.replay === 'position' && saved !== null) this.identity = new EntryIdentity(copyRun(saved.run));
    this.lastEntryMs = position?.lastEntryMs ?? null;
    this.lastEntryAt = position?.lastEntryAt ?? null;
    if (this.source.replay === 'none' && position !== null) {
      const down = this.now() - position.savedAtMs;
      if (down > this.timing.minGapMs) {
        this.gaps.push({
          fromMs: position.savedAtMs,
          toMs: this.now(),
          reason: `the service was not reading ${this.source.kind} for ${formatSeconds(down)}; the stream keeps no history`,
        });
      }
    }
    const format: FormatChoice = this.options.format === 'auto' && position?.format ? position.format : this.options.format;
    this.feeder = new EntryFeeder(
      format,
      { instance: this.options.instance ?? '', now: this.now },
      {
        entries: (entries) => this.take(entries),
        boundary: (at) => {
          this.boundary = { position: at, prepared: this.prepared };
        },
      },
      resumeFrom,
    );
    this.boundary = { position: resumeFrom, prepared: 0 };
    const sink: SourceSink = {
      data: (bytes, positionAt) => this.onData(bytes, positionAt),
      restart: (restart) => this.onRestart(restart),
      gap: (gap) => {
        this.gaps.push(gap);
        this.armBatchTimer();
      },
      status: () => this.emitStatus(true),
    };
    this.lastCommitAt = this.now();
    this.lastPurgeAt = 0;
    this.scheduleTick();
    this.source.start(sink, resumeFrom);
    if (this.gaps.length > 0) this.armBatchTimer();
  }

  private onData(bytes: Buffer, positionAt: (consumed: number) => SourcePosition): void {
    if (this.stopped || this.feeder === null) return;
    this.feeder.push(bytes, positionAt);
    if (this.batch.length >= this.timing.batchMaxEntries) this.commit();
    else if (this.batch.length > 0) this.armBatchTimer();
    this.armFlushTimer();
  }

  private onRestart(restart: SourceRestart): void {
    const feeder = this.feeder;
    if (this.stopped || feeder === null) return;
    // The old stream's last entries are committed before anything of the new one.
    feeder.finish();
    this.commit();
    feeder.restart(restart.position);
    if (this.source.replay !== 'history') return;
    // The first stream after the service started stands for the time the service itself was down.
    const why = this.streams === 0 ? 'the service was not following the app' : restart.reason;
    this.streams++;
    // The replayed history is a new run: its entries get the identities they had the first time.
    this.identity = new EntryIdentity();
    this.judge = null;
    const store = this.store;
    if (store === null || this.failing !== null || this.batch.length > 0) return;
    const before = store.db.prepare<[], { m: number | null }>('SELECT max(id) AS m FROM entries').get()?.m ?? 0;
    this.judge = new ReplayJudge(this.lastEntryMs, why, (identity) => this.storedBefore(identity, before), this.timing.replay);
  }

  private storedBefore(identity: bigint, maxId: number): boolean {
    const store = this.store;
    if (store === null) return false;
    try {
      return store.db.prepare<[bigint, number], { id: number }>('SELECT id FROM entries WHERE identity = ? AND id <= ?').get(identity, maxId) !== undefined;
    } catch {
      return false;
    }
  }

  private take(entries: LogEntry[]): void {
    const cannotPause = this.source.replay === 'none';
    for (const raw of entries) {
      if (this.failing !== null && cannotPause && this.batch.length >= this.timing.maxHeldEntries) {
        this.drop(raw);
        continue;
      }
      const p = this.prepare(raw);
      this.prepared++;
      this.batch.push(p);
      const gap = this.judge?.observe(p.identity, p.entry.timeMs, this.now()) ?? null;
      if (gap !== null) this.gaps.push(gap);
    }
  }

  /**
   * The scanner and the classifier never throw by contract; if one ever did, the service would stop (or, in its
   * worker, restart at the same entry forever). The entry is kept instead, with nothing of its text.
   */
  private prepare(raw: LogEntry): PreparedEntry {
    try {
      return prepareEntry(raw, this.scanner, this.identity);
    } catch (err) {
      this.options.log?.('error', 'an entry could not be scanned: stored with its text withheld', { error: err instanceof Error ? err.name : 'error' });
      const withheld: LogEntry = { ...raw, message: SCAN_FAILED, unparsed: true };
      delete withheld.http;
      return prepareEntry(withheld, null, this.identity);
    }
  }

  private drop(raw: LogEntry): void {
    const d = this.dropped;
    if (d === null) this.dropped = { count: 1, fromMs: raw.timeMs, toMs: raw.timeMs };
    else {
      d.count++;
      d.fromMs = Math.min(d.fromMs, raw.timeMs);
      d.toMs = Math.max(d.toMs, raw.timeMs);
    }
  }

  private commit(): void {
    this.clearBatchTimer();
    if (this.failing !== null || this.ingester === null) return;
    if (this.batch.length === 0 && this.gaps.length === 0) return;
    this.tryCommit();
  }

  /** Writes the batch, its gaps and the checkpoint in one transaction; on failure keeps all of it for a retry. */
  private tryCommit(): boolean {
    const ingester = this.ingester;
    const store = this.store;
    if (ingester === null || store === null) return false;
    const entries = this.batch;
    const gaps = this.dropped === null ? this.gaps : [...this.gaps, droppedGap(this.dropped)];
    let newestMs = this.lastEntryMs;
    let newestAt = this.lastEntryAt;
    let batchNewestAt: string | null = null;
    let batchNewestMs = Number.NEGATIVE_INFINITY;
    for (const p of entries) {
      if (p.entry.timeMs > batchNewestMs) {
        batchNewestMs = p.entry.timeMs;
        batchNewestAt = p.entry.time;
      }
    }
    if (batchNewestAt !== null && (newestMs === null || batchNewestMs > newestMs)) {
      newestMs = batchNewestMs;
      newestAt = batchNewestAt;
    }
    let counts;
    try {
      counts = ingester.ingest(entries, this.options.sourceKey, this.checkpoint(newestMs, newestAt), gaps);
    } catch (err) {
      this.fail(err);
      return false;
    }
    this.batch = [];
    this.gaps = [];
    this.dropped = null;
    this.lastEntryMs = newestMs;
    this.lastEntryAt = newestAt;
    this.lastCommitAt = this.now();
    this.storeState.entries += counts.entries;
    if (this.failing !== null) this.recovered();
    if ((entries.length > 0 || gaps.length > 0) && this.rows !== null) {
      this.options.onCommitted?.({
        events: this.rows.newEvents(store),
        findings: this.rows.newFindings(store),
        entries: counts.entries,
        duplicates: counts.duplicates,
        newestEntryAt: batchNewestAt,
      });
    }
    return true;
  }

  private checkpoint(lastEntryMs: number | null, lastEntryAt: string | null): SourceCheckpoint | null {
    const b = this.boundary;
    // A position is only worth saving together with the identity run as it stood there.
    const current = b !== null && b.prepared === this.prepared;
    if (this.source.replay === 'position' && !current) return null;
    const position: LivePosition = {
      at: current && b !== null ? b.position : null,
      format: this.feeder?.detectedFormat ?? null,
      lastEntryMs,
      lastEntryAt,
      savedAtMs: this.now(),
    };
    return { run: copyRun(this.identity.snapshot()), position };
  }

  private fail(err: unknown): void {
    this.noteFailure(err);
    this.source.pause();
    if (this.stopping) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.retry(), this.storeBackoff.next());
  }

  private noteFailure(err: unknown): void {
    const failure = describeStoreFailure(err, this.options.dbPath);
    const changed = this.failing === null || this.failing.reason !== failure.reason;
    this.failing = failure;
    this.storeState = { ...this.storeState, writable: false, reason: failure.reason };
    if (changed) {
      this.options.log?.('error', 'the store cannot be written: ingest paused, retrying', { reason: failure.reason });
      this.emitStatus(true);
    }
  }

  private retry(): void {
    this.retryTimer = null;
    if (this.stopping) return;
    if (this.failing?.reopen) {
      this.store?.close();
      this.store = null;
      this.ingester = null;
      try {
        this.openStore();
      } catch (err) {
        this.fail(err);
        return;
      }
    }
    this.tryCommit();
  }

  private recovered(): void {
    const wasFailing = this.failing !== null;
    this.failing = null;
    this.storeBackoff.reset();
    this.storeState = { ...this.storeState, writable: true, reason: null };
    if (wasFailing) {
      this.options.log?.('info', 'the store can be written again: ingest resumes', {});
      this.source.resume();
      this.emitStatus(true);
    }
  }

  private armBatchTimer(): void {
    if (this.batchTimer !== null || this.stopping) return;
    this.batchTimer = setTimeout(() => {
      this.batchTimer = null;
      this.commit();
    }, this.timing.batchMs);
  }

  private clearBatchTimer(): void {
    if (this.batchTimer) clearTimeout(this.batchTimer);
    this.batchTimer = null;
  }

  private armFlushTimer(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    if (this.stopping) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      this.feeder?.flush();
      this.commit();
    }, this.timing.flushAfterMs);
  }

  private scheduleTick(): void {
    this.tickTimer = setTimeout(() => {
      this.tickTimer = null;
      if (this.stopping) return;
      this.tick();
      this.scheduleTick();
    }, this.timing.tickMs);
  }

  private tick(): void {
    const now = this.now();
    const gap = this.judge?.tick(now) ?? null;
    if (gap !== null) {
      this.gaps.push(gap);
      this.armBatchTimer();
    }
    if (this.judge?.done) this.judge = null;
    const store = this.store;
    if (store === null || this.failing !== null) return;
    if (this.source.replay === 'none' && now - this.lastCommitAt >= this.timing.heartbeatMs) this.tryCommit();
    if (now - this.lastPurgeAt >= this.timing.purgeEveryMs) {
      this.lastPurgeAt = now;
      try {
        const purged = purgeExpired(store, now, this.options.retentionDays);
        if (purged.entries > 0 || purged.auditMacs > 0) {
          this.options.log?.('info', 'expired entries deleted', { entries: purged.entries, events: purged.events, auditMacs: purged.auditMacs });
        }
      } catch {
        // A store that cannot take a delete cannot take a batch either: the next commit says why.
      }
      this.lastRecountAt = 0;
    }
    this.refreshFigures(store, now);
  }

  private refreshFigures(store: Store, now: number): void {
    const before = this.storeState;
    let entries = before.entries;
    let oldest = before.oldestEntryAt;
    try {
      // Another connection (erasure, retention) may have deleted rows: count again now and then.
      if (now - this.lastRecountAt >= 60_000) {
        entries = countEntries(store);
        this.lastRecountAt = now;
      }
      oldest = oldestEntryAt(store);
    } catch {
      return;
    }
    const bytes = storeBytes(this.options.dbPath);
    if (bytes === before.bytes && entries === before.entries && oldest === before.oldestEntryAt) return;
    this.storeState = { ...before, bytes, entries, oldestEntryAt: oldest };
    this.emitStatus(false);
  }

  private emitStatus(changed: boolean): void {
    this.options.onStatus?.(this.sourceStatus(), this.storeStatus(), changed);
  }
}

function livePosition(saved: SourceCheckpoint | null): LivePosition | null {
  const p = saved?.position;
  if (p === null || typeof p !== 'object') return null;
  const v = p as Partial<LivePosition>;
  return {
    at: v.at ?? null,
    format: v.format ?? null,
    lastEntryMs: typeof v.lastEntryMs === 'number' ? v.lastEntryMs : null,
    lastEntryAt: typeof v.lastEntryAt === 'string' ? v.lastEntryAt : null,
    savedAtMs: typeof v.savedAtMs === 'number' ? v.savedAtMs : 0,
  };
}

/** The run is mutated as entries are identified: a checkpoint needs it as it stands now. */
function copyRun(run: RunState): RunState {
  return { time: run.time, counts: { ...run.counts } };
}

function droppedGap(d: { count: number; fromMs: number; toMs: number }): GapInput {
  return { fromMs: d.fromMs, toMs: d.toMs, reason: `the store could not be written: ${d.count} entries were dropped` };
}
