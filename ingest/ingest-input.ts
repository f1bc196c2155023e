import type { IngestSummary } from '../core/report.ts';
import type { Scanner } from '../core/findings/scanner.ts';
import type { PreparedEntry } from '../core/prepare-entry.ts';
import { prepareEntry } from '../core/prepare-entry.ts';
import { EntryIdentity } from '../core/identity/entry-identity.ts';
import type { BatchIngester } from '../core/store/batch-ingester.ts';
import { readEntries } from './read-entries.ts';
import type { FormatChoice } from './read-entries.ts';

export interface IngestInputOptions {
  format: FormatChoice;
  scanner: Scanner | null;
  ingester: BatchIngester;
  /** Entries per transaction: large enough to amortise the commit, small enough to bound memory. */
  batchSize?: number;
  instance?: string;
  now?: () => number;
}

/** Reads a saved log to its end and stores it: the `ingest` command's work. */
export async function ingestInput(input: AsyncIterable<Buffer | string>, options: IngestInputOptions): Promise<IngestSummary> {
  const batchSize = options.batchSize ?? 5000;
  const identity = new EntryIdentity();
  const summary: IngestSummary = { lines: 0, entries: 0, duplicates: 0, unparsed: 0, events: 0, findings: 0 };
  let batch: PreparedEntry[] = [];
  const flush = (): void => {
    if (batch.length === 0) return;
    const c = options.ingester.ingest(batch, null, null);
    summary.lines += c.lines;
    summary.entries += c.entries;
    summary.duplicates += c.duplicates;
    summary.unparsed += c.unparsed;
    summary.events += c.events;
    summary.findings += c.findings;
    batch = [];
  };
  const readerOptions = { instance: options.instance ?? '', ...(options.now ? { now: options.now } : {}) };
  for await (const entries of readEntries(input, options.format, readerOptions)) {
    for (const e of entries) {
      batch.push(prepareEntry(e, options.scanner, identity));
      if (batch.length >= batchSize) flush();
    }
  }
  flush();
  return summary;
}
