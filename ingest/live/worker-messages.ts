import type { SourceStatus, StoreStatus } from '../../core/api.ts';
import type { LogFields } from '../sources/source-log.ts';
import type { CommittedBatch } from './live-ingest-handle.ts';

/** What the ingest worker tells the main thread. */
export type WorkerMessage =
  | { type: 'committed'; batch: CommittedBatch }
  | { type: 'status'; source: SourceStatus; store: StoreStatus; changed: boolean }
  | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string; fields: LogFields }
  | { type: 'started' }
  /** The ingest cannot run at all (the database holds the other kind of data): retrying will not help. */
  | { type: 'failed'; message: string }
  | { type: 'stopped' };

/** What the main thread tells the worker. */
export type MainMessage = { type: 'stop' };
