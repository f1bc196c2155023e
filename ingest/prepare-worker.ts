import { parentPort, workerData } from 'node:worker_threads';
import type { PrepareWorkerData, ToPrepareWorker, FromPrepareWorker } from './prepare-protocol.ts';
import { prepareEntry } from '../core/prepare-entry.ts';
import { EntryIdentity } from '../core/identity/entry-identity.ts';
import { createScanner } from '../core/findings/scanner.ts';
import { createKeyedHash } from '../core/findings/keyed-hash.ts';
import { readEntries } from './read-entries.ts';
import type { EncodedBatch } from './prepared-batch-codec.ts';
import { BatchEncoder } from './prepared-batch-codec.ts';

/**
 * Parses, scans and identifies entries on the second core while the main thread writes: the plaintext never
 * leaves this thread, only redacted prepared entries do. Input is pulled (`more`) and output acknowledged
 * (`ack`), so neither side's queue grows with the size of the file.
 */
const MAX_UNACKED_BATCHES = 3;
const port = parentPort;
if (port === null) throw new Error('prepare-worker.ts runs only as a worker thread');
const data = workerData as PrepareWorkerData;
const send = (m: FromPrepareWorker): void => port.postMessage(m);

const chunks: Uint8Array[] = [];
let ended = false;
let wake: (() => void) | null = null;
let unacked = 0;
let ackWake: (() => void) | null = null;

port.on('message', (m: ToPrepareWorker) => {
  if (m.type === 'chunk') chunks.push(m.chunk);
  else if (m.type === 'end') ended = true;
  else {
    unacked--;
    ackWake?.();
    ackWake = null;
    return;
  }
  wake?.();
  wake = null;
});

async function* input(): AsyncGenerator<Buffer> {
  for (;;) {
    const chunk = chunks.shift();
    if (chunk !== undefined) {
      if (chunks.length === 0 && !ended) send({ type: 'more' });
      yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      continue;
    }
    if (ended) return;
    await new Promise<void>((resolve) => (wake = resolve));
  }
}

async function emit(batch: EncodedBatch): Promise<void> {
  while (unacked >= MAX_UNACKED_BATCHES) await new Promise<void>((resolve) => (ackWake = resolve));
  unacked++;
  send({ type: 'batch', batch });
}

async function run(): Promise<void> {
  const scanner = data.scan ? createScanner({ secret: Buffer.from(data.secret) }) : null;
  const identity = new EntryIdentity();
  const connectionKey = createKeyedHash(Buffer.from(data.secret));
  const now = (): number => data.nowMs;
  const batch = new BatchEncoder(data.batchSize);
  send({ type: 'more' });
  for await (const entries of readEntries(input(), data.format, { instance: data.instance, now })) {
    for (const e of entries) {
      batch.add(prepareEntry(e, scanner, identity, connectionKey));
      if (batch.length >= data.batchSize) await emit(batch.take());
    }
  }
  if (batch.length > 0) await emit(batch.take());
  while (unacked > 0) await new Promise<void>((resolve) => (ackWake = resolve));
  send({ type: 'done' });
}

run().catch((err: unknown) => {
  // The class only: an error's text may quote the input.
  send({ type: 'failed', kind: err instanceof Error ? err.name : typeof err });
});
