import type { LogEntry, TransportFormat } from '../../core/entry.ts';
import { createEntryReader } from '../../core/formats/entry-reader.ts';
import type { EntryReader, EntryReaderOptions } from '../../core/formats/entry-reader.ts';
import { detectFormat } from '../../core/formats/detect-format.ts';
import type { FormatChoice } from '../read-entries.ts';
import type { SourcePosition } from '../sources/source.ts';

export interface FeederOutput {
  /** Entries in stream order. */
  entries(entries: LogEntry[]): void;
  /**
   * Every byte before `position` has become one of the entries delivered so far, and none after it has: reading
   * again from here, with the identity run as it stands now, yields exactly the entries still to come.
   */
  boundary(position: SourcePosition): void;
}

interface Line {
  bytes: Buffer;
  start: SourcePosition;
  end: SourcePosition;
  /** Its beginning was handed to the reader early (an overlong line): it cannot be read again from its start. */
  split: boolean;
}

/** Bytes held back while the format is being decided, as for the batch `ingest`. */
const DETECT_BYTES = 8192;
/** A line without an end that grows past this goes to the reader anyway (which cuts it into unparsed pieces). */
const MAX_HELD_LINE_BYTES = 2 * 1024 * 1024;
const NEWLINE = 10;

/**
 * Cuts a source's bytes into lines and feeds them to the entry reader one line at a time, so that it can tell
 * where, in source positions, the entries end: that is where a checkpoint may point. Only complete lines are
 * fed; an unfinished last line waits for its end (or for the stream to finish).
 *
 * Where an entry ends follows from what the reader emitted when a line went in: in `fly logs` text, a line that
 * closes an entry and starts the next emits the entry above it (the boundary is the line's start); a line that
 * is an entry on its own (garbage, a bad prefix) emits itself (the boundary is its end). In the one-object-a-line
 * formats every emission ends at the line's end.
 */
export class EntryFeeder {
  private format: TransportFormat | null;
  private reader: EntryReader | null = null;
  private detecting: Line[] = [];
  private detectingBytes = 0;
  private partial: Buffer[] = [];
  private partialBytes = 0;
  private partialStart: SourcePosition = null;
  private partialSplit = false;
  /** A parsed entry came out of this reader: unparsed records are stamped at once, not held. */
  private primed = false;
  /** The end of the last complete line. */
  private fedTo: SourcePosition;

  constructor(
    choice: FormatChoice,
    private readonly readerOptions: EntryReaderOptions,
    private readonly out: FeederOutput,
    start: SourcePosition,
  ) {
    this.format = choice === 'auto' ? null : choice;
    this.fedTo = start;
    this.partialStart = start;
  }

  /** The format in use, once known. */
  get detectedFormat(): TransportFormat | null {
    return this.format;
  }

  push(bytes: Buffer, positionAt: (consumed: number) => SourcePosition): void {
    let from = 0;
    for (;;) {
      const newline = bytes.indexOf(NEWLINE, from);
      if (newline === -1) break;
      const piece = bytes.subarray(from, newline + 1);
      const line: Line = {
        bytes: this.partialBytes === 0 ? piece : Buffer.concat([...this.partial, piece]),
        start: this.partialStart,
        end: positionAt(newline + 1),
        split: this.partialSplit,
      };
      this.partial = [];
      this.partialBytes = 0;
      this.partialSplit = false;
      this.partialStart = line.end;
      this.line(line);
      from = newline + 1;
    }
    if (from < bytes.length) {
      // Copied: the source may reuse its buffer.
      this.partial.push(Buffer.from(bytes.subarray(from)));
      this.partialBytes += bytes.length - from;
      if (this.partialBytes > MAX_HELD_LINE_BYTES) this.feedOverlongLine();
    }
  }

  /** The source went quiet: what the reader holds back (the last entry, awaiting continuations) comes out now. */
  flush(): void {
    this.decide();
    if (this.reader === null) return;
    this.emit(this.reader.end());
    this.out.boundary(this.fedTo);
  }

  /** The stream is over (the child exited, the file was rotated away): its unfinished last line counts too. */
  finish(): void {
    this.decide();
    if (this.partialBytes > 0) {
      this.emit(this.readerFor().push(Buffer.concat(this.partial)));
      this.partial = [];
      this.partialBytes = 0;
    }
    if (this.reader !== null) this.emit(this.reader.end());
  }

  /** A new stream starts at `position`: a fresh reader, and the format decided for the last stream kept. */
  restart(position: SourcePosition): void {
    this.reader = null;
    this.primed = false;
    this.detecting = [];
    this.detectingBytes = 0;
    this.partial = [];
    this.partialBytes = 0;
    this.partialSplit = false;
    this.partialStart = position;
    this.fedTo = position;
    this.out.boundary(position);
  }

  private line(line: Line): void {
    this.fedTo = line.end;
    if (this.format === null) {
      this.detecting.push(line);
      this.detectingBytes += line.bytes.length;
      if (this.detectingBytes >= DETECT_BYTES) this.decide();
      return;
    }
    this.feed(line);
  }

  private feed(line: Line): void {
    const reader = this.readerFor();
    const emitted = reader.push(line.bytes);
    if (emitted.length === 0) return;
    this.emit(emitted);
    const last = emitted[emitted.length - 1] as LogEntry;
    if (this.format === 'plain') {
      if (!last.unparsed) {
        // The line started a new entry and closed the one above: the new one is still held by the reader.
        if (!line.split) this.out.boundary(line.start);
      } else if (this.primed) {
        this.out.boundary(line.end);
      }
    } else if (this.format === 'json') {
      if (!last.unparsed) this.out.boundary(line.end);
    } else {
      this.out.boundary(line.end);
    }
  }

  private emit(entries: LogEntry[]): void {
    if (entries.length === 0) return;
    if (!this.primed && entries.some((e) => !e.unparsed)) this.primed = true;
    this.out.entries(entries);
  }

  private decide(): void {
    if (this.format !== null) return;
    if (this.detecting.length === 0 && this.partialBytes === 0) return;
    const sample = Buffer.concat([...this.detecting.map((l) => l.bytes), ...this.partial]).toString('utf8');
    this.format = detectFormat(sample);
    const held = this.detecting;
    this.detecting = [];
    this.detectingBytes = 0;
    for (const line of held) this.feed(line);
  }

  private readerFor(): EntryReader {
    if (this.reader === null) {
      this.reader = createEntryReader(this.format ?? 'plain', this.readerOptions);
      this.primed = false;
    }
    return this.reader;
  }

  private feedOverlongLine(): void {
    this.decide();
    const bytes = Buffer.concat(this.partial);
    this.partial = [];
    this.partialBytes = 0;
    this.partialSplit = true;
    const emitted = this.readerFor().push(bytes);
    this.emit(emitted);
  }
}
