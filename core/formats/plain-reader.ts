import type { LogEntry } from '../entry.ts';
import { stripAnsi } from './ansi.ts';
import { MAX_ENTRY_BYTES, MAX_ENTRY_LINES } from './limits.ts';
import { BAD_TIME, NO_PREFIX, PlainLineParser } from './plain-line-parser.ts';
import type { RecordReader } from './record-reader.ts';
import type { UnparsedStamper } from './unparsed-stamper.ts';

function isBlank(text: string): boolean {
  return text.trim().length === 0;
}

/**
 * Frames plain `fly logs` output into entries. A line without a prefix continues the entry above it (stack
 * traces, multi-line queries), up to MAX_ENTRY_LINES / MAX_ENTRY_BYTES; past that, before the first entry, or after
 * garbage, it is an unparsed record of its own. Garbage lines end the entry above them and stand alone, so they
 * never take a good entry with them. An entry is emitted when the next record starts (or at the end).
 */
export class PlainReader implements RecordReader {
  private readonly parser = new PlainLineParser();
  private current: LogEntry | null = null;
  private continuations: string[] | null = null;
  /** UTF-8 size of the current entry's message; counted only once a continuation arrives. */
  private bytes = -1;

  constructor(private readonly stamper: UnparsedStamper) {}

  line(text: string, garbage: boolean, piece: boolean, out: LogEntry[]): void {
    if (garbage || piece) {
      this.close(out);
      this.stamper.unparsed(stripAnsi(text), piece ? 0 : 1, out);
      return;
    }
    const result = this.parser.parse(text);
    if (result === NO_PREFIX) {
      this.continuation(text, out);
      return;
    }
    this.close(out);
    if (result === BAD_TIME) {
      this.stamper.unparsed(stripAnsi(text), 1, out);
      return;
    }
    this.stamper.parsed(result, out);
    this.current = result;
  }

  end(out: LogEntry[]): void {
    this.close(out);
  }

  private continuation(raw: string, out: LogEntry[]): void {
    const text = stripAnsi(raw);
    const entry = this.current;
    if (entry === null) {
      if (!isBlank(text)) this.stamper.unparsed(text, 1, out);
      return;
    }
    if (this.bytes < 0) this.bytes = Buffer.byteLength(entry.message);
    const bytes = this.bytes + 1 + Buffer.byteLength(text);
    if (entry.lines >= MAX_ENTRY_LINES || bytes > MAX_ENTRY_BYTES) {
      this.close(out);
      if (!isBlank(text)) this.stamper.unparsed(text, 1, out);
      return;
    }
    this.bytes = bytes;
    entry.lines++;
    (this.continuations ??= []).push(text);
  }

  private close(out: LogEntry[]): void {
    const entry = this.current;
    if (entry === null) return;
    const continuations = this.continuations;
    if (continuations !== null) {
      // Blank lines that merely separate this entry from the next are not part of its message.
      let count = continuations.length;
      while (count > 0 && isBlank(continuations[count - 1] ?? '')) count--;
      if (count > 0) entry.message += '\n' + continuations.slice(0, count).join('\n');
    }
    out.push(entry);
    this.current = null;
    this.continuations = null;
    this.bytes = -1;
  }
}
