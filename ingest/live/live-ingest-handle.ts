import type { SourceStatus, StoreStatus } from '../../core/api.ts';
import type { StoredEvent } from '../../core/events/event.ts';
import type { StoredFinding } from '../../core/findings/finding.ts';

/** What one committed batch added: the live hub pushes only what the store holds. */
export interface CommittedBatch {
  events: StoredEvent[];
  findings: StoredFinding[];
  entries: number;
  duplicates: number;
  /** Time of the newest entry of the batch (ISO), or null. */
  newestEntryAt: string | null;
}

export type SourceSpec =
  | { kind: 'fly'; app: string; flyBin?: string; region?: string }
  | { kind: 'nats'; app: string; url: string; user: string; password: string }
  | { kind: 'file'; path: string; format?: 'auto' | 'plain' | 'json' | 'nats' | 'app' }
  | { kind: 'simulate'; rate: number; seed: number };

/**
 * The running ingest as the server sees it: the writer and its source live elsewhere (a worker thread); the
 * server only hears what was committed and how the source is doing.
 */
export interface LiveIngest {
  sourceStatus(): SourceStatus;
  storeStatus(): StoreStatus;
  onCommitted(listener: (batch: CommittedBatch) => void): () => void;
  onStatus(listener: (status: SourceStatus, store: StoreStatus) => void): () => void;
  /** Stops the source, flushes the pending batch, closes the writer's connection. */
  stop(): Promise<void>;
}
