import { isUtf8 } from 'node:buffer';
import { holdsControlBytes, holdsGarbage } from './garbage.ts';
import { MAX_LINE_CHARS } from './limits.ts';

/**
 * Receives each physical line, without its line ending (ANSI escapes are left to the readers).
 * `garbage`: the line holds invalid UTF-8 or control bytes. `piece`: the text continues a line that was too long
 * and has been cut (see MAX_LINE_CHARS); it is not a physical line of its own.
 */
export type LineSink = (line: string, garbage: boolean, piece: boolean) => void;

const LF = 10;
const CR = 13;
const BOM = '\ufeff';
const REPLACEMENT_BYTES = Buffer.from('\ufffd', 'utf8');

/**
 * A line that holds only its own characters. A slice of a string shares the whole string's memory (the read
 * chunk, a megabyte): anything that keeps a piece of a line (a scanner's memo, a batch waiting for the writer)
 * would keep the chunk alive, and V8 reads a slice more slowly than a flat string. Slicing a concatenation makes
 * V8 copy the concatenation once into a flat string of the line's size, which the slice then points into.
 */
function ownCopy(line: string): string {
  return line.length < 16 ? line : ` ${line}`.slice(1);
}

/** The length of the longest prefix of `bytes` that does not end inside a multi-byte character. */
export function completeLength(bytes: Uint8Array): number {
  const length = bytes.length;
  for (let back = 1; back <= 3 && back <= length; back++) {
    const b = bytes[length - back] ?? 0;
    if ((b & 0xc0) === 0x80) continue;
    if (b < 0xc0) return length;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return need > back ? length - back : length;
  }
  return length;
}

/**
 * Whether bytes may hold garbage (control bytes, invalid UTF-8, or a U+FFFD already in the text): when not, no
 * line of theirs needs checking. A chunk that ends inside a character counts as possibly dirty, which only costs
 * a check.
 */
function mayHoldGarbage(bytes: Buffer): boolean {
  return holdsControlBytes(bytes) || !isUtf8(bytes) || bytes.indexOf(REPLACEMENT_BYTES) !== -1;
}

/**
 * Turns a byte or text stream into lines. Only the unfinished last line is kept between chunks, and it is cut
 * once it outgrows MAX_LINE_CHARS, so memory does not depend on the input.
 *
 * Bytes are decoded line by line, not chunk by chunk: V8 keeps an ASCII line as one byte per character only if
 * it is decoded alone, and one emoji in a megabyte chunk would otherwise make every line of that chunk twice as
 * big and slower for everything after (scanning, hashing, the copy to the writer's thread). UTF-8 cannot hold
 * a newline byte inside a character, so decoding per line gives the same text as decoding the whole.
 */
export class LineSplitter {
  /** The unfinished line's text, when the last input was text (or an over-long line is being cut). */
  private pending = '';
  /** The unfinished line's bytes, when the last input was bytes. At most one of the two is non-empty. */
  private pendingBytes: Buffer | null = null;
  /** The pending text may hold garbage (it came from a chunk that did). */
  private pendingDirty = false;
  /** The pending text continues a line already partly delivered as a piece. */
  private cut = false;
  /** Nothing has been decoded yet: a byte order mark here is not text. */
  private atStart = true;

  constructor(private readonly sink: LineSink) {}

  push(chunk: Buffer | string): void {
    if (typeof chunk === 'string') this.pushText(chunk);
    else this.pushBytes(chunk);
  }

  /** The text not yet ended by a newline (for readers that can tell a record is complete without one). */
  peekPending(): string {
    return this.pendingBytes === null ? this.pending : this.decodeFirst(this.pendingBytes.toString('utf8'), false);
  }

  /** Delivers the pending text as a line now, as if a newline had followed it. */
  takePending(): void {
    this.bytesToText();
    const rest = this.pending;
    const dirty = this.pendingDirty;
    this.pending = '';
    this.pendingDirty = false;
    if (rest.length > 0) this.deliverLines(rest, dirty);
    this.cut = false;
  }

  /** An unfinished character at the end becomes U+FFFD. */
  end(): void {
    this.takePending();
  }

  private pushText(text: string): void {
    if (text.length === 0) return;
    this.bytesToText();
    const dirty = holdsGarbage(text);
    const all = this.pending.length === 0 ? text : this.pending + text;
    const lastNewline = all.lastIndexOf('\n');
    if (lastNewline === -1) {
      this.pending = all;
      this.pendingDirty ||= dirty;
    } else {
      const blockDirty = dirty || this.pendingDirty;
      this.pending = all.slice(lastNewline + 1);
      this.pendingDirty = dirty;
      this.deliverLines(all.slice(0, lastNewline), blockDirty);
    }
    this.cutLongPending();
  }

  private pushBytes(chunk: Buffer): void {
    if (chunk.length === 0) return;
    if (this.pending.length > 0) {
      // Text came before (a mixed input): its unfinished line goes on as bytes.
      this.pendingBytes = Buffer.from(this.pending, 'utf8');
      this.pending = '';
    }
    const dirty = mayHoldGarbage(chunk);
    const bytes = this.pendingBytes === null ? chunk : Buffer.concat([this.pendingBytes, chunk]);
    const lastNewline = bytes.lastIndexOf(LF);
    if (lastNewline === -1) {
      // Copied: the caller may reuse its chunk.
      this.pendingBytes = bytes === chunk ? Buffer.from(chunk) : bytes;
      this.pendingDirty ||= dirty;
    } else {
      const blockDirty = dirty || this.pendingDirty;
      this.pendingBytes = lastNewline + 1 < bytes.length ? Buffer.from(bytes.subarray(lastNewline + 1)) : null;
      this.pendingDirty = dirty;
      this.deliverByteLines(bytes, lastNewline, blockDirty);
    }
    // Bytes are at least as many as characters: only a line this long in bytes can be too long in characters.
    if (this.pendingBytes !== null && this.pendingBytes.length > MAX_LINE_CHARS) {
      const bytesLeft = this.pendingBytes;
      const complete = completeLength(bytesLeft);
      this.pending = this.decodeFirst(bytesLeft.toString('utf8', 0, complete), true);
      this.pendingBytes = null;
      this.cutLongPending();
      const tail = bytesLeft.subarray(complete);
      if (this.pending.length > 0 || tail.length > 0) this.pendingBytes = Buffer.concat([Buffer.from(this.pending, 'utf8'), tail]);
      this.pending = '';
    }
  }

  /** Pending bytes become pending text (an unfinished character at their end, U+FFFD). */
  private bytesToText(): void {
    if (this.pendingBytes === null) return;
    this.pending = this.decodeFirst(this.pendingBytes.toString('utf8'), true);
    this.pendingBytes = null;
  }

  /** A byte order mark at the very start of the input is not text; later ones are kept. */
  private decodeFirst(text: string, consume: boolean): string {
    if (!this.atStart) return text;
    if (consume) this.atStart = false;
    return text.startsWith(BOM) ? text.slice(1) : text;
  }

  private cutLongPending(): void {
    while (this.pending.length > MAX_LINE_CHARS) {
      const piece = this.pending.slice(0, MAX_LINE_CHARS);
      this.pending = this.pending.slice(MAX_LINE_CHARS);
      this.sink(piece, holdsGarbage(piece), this.cut);
      this.cut = true;
    }
  }

  /** Lines of `bytes` up to `last` (a newline), each decoded alone; checked for garbage only when `dirty`. */
  private deliverByteLines(bytes: Buffer, last: number, dirty: boolean): void {
    let start = 0;
    while (start <= last) {
      const newline = bytes.indexOf(LF, start);
      const end = newline > start && bytes[newline - 1] === CR ? newline - 1 : newline;
      this.deliver(this.decodeFirst(bytes.toString('utf8', start, end), true), dirty);
      start = newline + 1;
    }
  }

  /**
   * `block` holds one or more lines separated by '\n', the last one ended by the caller. Lines are checked for
   * garbage one by one only when the chunks they came from hold some (`dirty`).
   */
  private deliverLines(block: string, dirty: boolean): void {
    let start = 0;
    for (;;) {
      const newline = block.indexOf('\n', start);
      const end = newline === -1 ? block.length : newline;
      const crlf = end > start && block.charCodeAt(end - 1) === CR;
      this.deliver(ownCopy(block.slice(start, crlf ? end - 1 : end)), dirty);
      if (newline === -1) return;
      start = newline + 1;
    }
  }

  private deliver(line: string, dirty: boolean): void {
    const piece = this.cut;
    this.cut = false;
    if (line.length > MAX_LINE_CHARS) {
      for (let at = 0; at < line.length; at += MAX_LINE_CHARS) {
        const part = line.slice(at, at + MAX_LINE_CHARS);
        this.sink(part, holdsGarbage(part), piece || at > 0);
      }
    } else {
      this.sink(line, dirty && holdsGarbage(line), piece);
    }
  }
}
