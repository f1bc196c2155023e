import { typescriptWorker } from './typescript-worker.ts';
import type { PreparedEntry } from '../core/prepare-entry.ts';
import type { EncodedBatch } from './prepared-batch-codec.ts';
import { decodeBatch } from './prepared-batch-codec.ts';
import type { PrepareWorkerData, FromPrepareWorker, ToPrepareWorker } from './prepare-protocol.ts';

/**
 * Runs the parse, scan and identity of an input on a worker thread and yields its prepared batches, so that the
 * caller's thread is free to write them: the ingest uses both cores.
 */
export async function* prepareInWorker(input: AsyncIterable<Buffer | string>, data: PrepareWorkerData): AsyncGenerator<PreparedEntry[]> {
  const worker = typescriptWorker(new URL('./prepare-worker.ts', import.meta.url), {
    workerData: data,
    // Its garbage is short-lived (lines, parses, redactions): a small nursery collects it as cheaply, and the
    // default one, three times larger, was 30 MB of the ingest's peak memory (bar: 400 MB for a million lines).
    resourceLimits: { maxYoungGenerationSizeMb: 16 },
  });
  const iterator = input[Symbol.asyncIterator]();
  const ready: EncodedBatch[] = [];
  let done = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const post = (m: ToPrepareWorker, transfer: ArrayBuffer[] = []): void => worker.postMessage(m, transfer);
  let feeding = false;

  // Reads one chunk of input per request, so the input is read no faster than the worker parses it.
  const feed = async (): Promise<void> => {
    if (feeding) return;
    feeding = true;
    try {
      const next = await iterator.next();
      if (next.done) post({ type: 'end' });
      else {
        const buf = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
        const copy = new Uint8Array(buf.byteLength);
        copy.set(buf);
        post({ type: 'chunk', chunk: copy }, [copy.buffer]);
      }
    } catch (err) {
      failure = err instanceof Error ? err : new Error(String(err));
      wake?.();
    } finally {
      feeding = false;
    }
  };

  worker.on('message', (m: FromPrepareWorker) => {
    if (m.type === 'more') void feed();
    else if (m.type === 'batch') ready.push(m.batch);
    else if (m.type === 'done') done = true;
    else failure = new Error(`the ingest worker failed (${m.kind})`);
    wake?.();
    wake = null;
  });
  worker.on('error', (err) => {
    failure = new Error(`the ingest worker stopped (${err.name})`);
    wake?.();
  });

  try {
    for (;;) {
      const batch = ready.shift();
      if (batch !== undefined) {
        yield decodeBatch(batch);
        post({ type: 'ack' });
        continue;
      }
      if (failure !== null) throw failure;
      if (done) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    await worker.terminate();
  }
}
