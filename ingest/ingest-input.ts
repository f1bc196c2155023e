import type { IngestSummary } from '../core/report.ts';
import type { PreparedEntry } from '../core/prepare-entry.ts';
import { prepareEntry } from '../core/prepare-entry.ts';
import { EntryIdentity } from '../core/identity/entry-identity.ts';
import { createScanner } from '../core/findings/scanner.ts';
import type { BatchIngester } from '../core/store/batch-ingester.ts';
import { readEntries } from './read-entries.ts';
import type { FormatChoice } from './read-entries.ts';
import { prepareInWorker } from './prepare-in-worker.ts';

export interface IngestInputOptions {
  format: FormatChoice;
  ingester: BatchIngester;
  /** The store's secret: the scanner's fingerprints are keyed with it. */
  secret: Buffer;
  /** Off only for the benchmark's comparison: without the scanner, plaintext would reach the store. */
  scan?: boolean;
  /** Entries per transaction: large enough to amortise the commit, small enough to bound memory. */
  batchSize?: number;
  instance?: string;
  now?: () => number;
  /** Parse and scan on a worker thread while this one writes (default); off for small inputs and tests. */
  worker?: boolean;
}

/** Reads a saved log to its end and stores it: the `ingest` command's work. */
export async function ingestInput(input: AsyncIterable<Buffer | string>, options: IngestInputOptions): Promise<IngestSummary> {
  const summary: IngestSummary = { lines: 0, entries: 0, duplicates: 0, unparsed: 0, events: 0, findings: 0 };
  for await (const batch of preparedBatches(input, options)) {
    const c = options.ingester.ingest(batch, null, null);
    summary.lines += c.lines;
    summary.entries += c.entries;
    summary.duplicates += c.duplicates;
    summary.unparsed += c.unparsed;
    summary.events += c.events;
    summary.findings += c.findings;
  }
  return summary;
}

function preparedBatches(input: AsyncIterable<Buffer | string>, options: IngestInputOptions): AsyncIterable<PreparedEntry[]> {
  const batchSize = options.batchSize ?? 2000;
  const scan = options.scan ?? true;
  const instance = options.instance ?? '';
  if (options.worker ?? true) {
    return prepareInWorker(input, {
      format: options.format,
      secret: new Uint8Array(options.secret),
      scan,
      instance,
      nowMs: (options.now ?? Date.now)(),
      batchSize,
    });
  }
  return prepareHere(input, options.format, scan ? createScanner({ secret: options.secret }) : null, batchSize, instance, options.now);
}

async function* prepareHere(
  input: AsyncIterable<Buffer | string>,
  format: FormatChoice,
  scanner: ReturnType<typeof createScanner> | null,
  batchSize: number,
  instance: string,
  now: (() => number) | undefined,
): AsyncGenerator<PreparedEntry[]> {
  const identity = new EntryIdentity();
  let batch: PreparedEntry[] = [];
  for await (const entries of readEntries(input, format, { instance, ...(now ? { now } : {}) })) {
    for (const e of entries) {
      batch.push(prepareEntry(e, scanner, identity));
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}
