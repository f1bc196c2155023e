import type { EncodedBatch } from './prepared-batch-codec.ts';
import type { FormatChoice } from './read-entries.ts';

/** What the prepare worker is started with. The secret crosses as bytes: it is never logged or stored. */
export interface PrepareWorkerData {
  format: FormatChoice;
  secret: Uint8Array;
  scan: boolean;
  instance: string;
  nowMs: number;
  batchSize: number;
}

/** Main → worker: input bytes, or their end. */
export type ToPrepareWorker = { type: 'chunk'; chunk: Uint8Array } | { type: 'end' } | { type: 'ack' };

/** Worker → main: a batch to write, a request for more input, the end, or a failure (its class only). */
export type FromPrepareWorker =
  | { type: 'batch'; batch: EncodedBatch }
  | { type: 'more' }
  | { type: 'done' }
  | { type: 'failed'; kind: string };
