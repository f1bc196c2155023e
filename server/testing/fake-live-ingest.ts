import type { SourceStatus, StoreStatus } from '../../core/api.ts';
import type { CommittedBatch, LiveIngest } from '../../ingest/live/live-ingest-handle.ts';

/** For tests: a LiveIngest whose commits and source changes the test makes happen. */
export class FakeLiveIngest implements LiveIngest {
  source: SourceStatus = {
    kind: 'file',
    target: '/var/log/app.log',
    state: 'running',
    reason: null,
    restarts: 0,
    lastRestartAt: null,
    lastEntryAt: '2026-11-20T09:01:00.000Z',
  };
  store: StoreStatus = {
    path: '/tmp/x.db',
    bytes: 4096,
    writable: true,
    reason: null,
    retentionDays: 30,
    entries: 13,
    oldestEntryAt: '2026-11-20T09:00:00.000Z',
  };
  stopped = false;
  private readonly committedListeners = new Set<(batch: CommittedBatch) => void>();
  private readonly statusListeners = new Set<(status: SourceStatus, store: StoreStatus) => void>();

  sourceStatus(): SourceStatus {
    return this.source;
  }

  storeStatus(): StoreStatus {
    return this.store;
  }

  onCommitted(listener: (batch: CommittedBatch) => void): () => void {
    this.committedListeners.add(listener);
    return () => this.committedListeners.delete(listener);
  }

  onStatus(listener: (status: SourceStatus, store: StoreStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.source = { ...this.source, state: 'stopped' };
  }

  commit(batch: Partial<CommittedBatch>): void {
    const full: CommittedBatch = { events: [], findings: [], entries: 0, duplicates: 0, newestEntryAt: null, ...batch };
    for (const l of this.committedListeners) l(full);
  }

  changeSource(change: Partial<SourceStatus>): void {
    this.source = { ...this.source, ...change };
    for (const l of this.statusListeners) l(this.source, this.store);
  }

  get listenerCount(): number {
    return this.committedListeners.size + this.statusListeners.size;
  }
}
