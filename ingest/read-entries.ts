import type { LogEntry, TransportFormat } from '../core/entry.ts';
import { createEntryReader } from '../core/formats/entry-reader.ts';
import type { EntryReaderOptions } from '../core/formats/entry-reader.ts';
import { detectFormat } from '../core/formats/detect-format.ts';

export type FormatChoice = TransportFormat | 'auto';

const DETECT_BYTES = 8192;

/**
 * Frames and parses a byte stream into entries, in batches as they complete. With `auto`, the format is
 * decided from the first bytes, which are held back until there are enough of them (or the input ends).
 */
export async function* readEntries(
  input: AsyncIterable<Buffer | string>,
  format: FormatChoice,
  options: EntryReaderOptions = {},
): AsyncGenerator<LogEntry[]> {
  let reader = format === 'auto' ? null : createEntryReader(format, options);
  let held: Buffer[] = [];
  let heldBytes = 0;
  for await (const chunk of input) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (reader === null) {
      held.push(buf);
      heldBytes += buf.length;
      if (heldBytes < DETECT_BYTES) continue;
      reader = createEntryReader(detectFormat(Buffer.concat(held).toString('utf8')), options);
      const first = reader.push(Buffer.concat(held));
      held = [];
      if (first.length > 0) yield first;
      continue;
    }
    const entries = reader.push(buf);
    if (entries.length > 0) yield entries;
  }
  if (reader === null) {
    const all = Buffer.concat(held);
    reader = createEntryReader(detectFormat(all.toString('utf8')), options);
    const first = reader.push(all);
    if (first.length > 0) yield first;
  }
  const rest = reader.end();
  if (rest.length > 0) yield rest;
}
