import { holdsControlBytes, holdsGarbage } from './garbage.ts';
import { MAX_LINE_CHARS } from './limits.ts';
import { Utf8StreamDecoder } from './utf8-stream-decoder.ts';

/**
 * Receives each physical line, without its line ending (ANSI escapes are left to the readers).
 * `garbage`: the line holds invalid UTF-8 or control bytes. `piece`: the text continues a line that was too long
 * and has been cut (see MAX_LINE_CHARS); it is not a physical line of its own.
 */
export type LineSink = (line: string, garbage: boolean, piece: boolean) => void;

/**
 * A line that holds only its own characters. A slice of a string shares the whole string's memory (the read
 * chunk, a megabyte): anything that keeps a piece of a line (a scanner's memo, a batch waiting for the writer)
 * would keep the chunk alive, and V8 reads a slice more slowly than a flat string. Slicing a concatenation makes
 * V8 copy the concatenation once into a flat string of the line's size, which the slice then points into.
 */
function ownCopy(line: string): string {
  return line.length < 16 ? line : ` ${line}`.slice(1);
}

/**
 * Turns a byte or text stream into lines. Only the unfinished last line is kept between chunks, and it is cut
 * once it outgrows MAX_LINE_CHARS, so memory does not depend on the input.
 */
export class LineSplitter {
  private readonly decoder = new Utf8StreamDecoder();
  private pending = '';
  /** The pending text may hold garbage (it came from a chunk that did). */
  private pendingDirty = false;
  /** The pending text continues a line already partly delivered as a piece. */
  private cut = false;

  constructor(private readonly sink: LineSink) {}

  push(chunk: Buffer | string): void {
    let text: string;
    let dirty: boolean;
    if (typeof chunk === 'string') {
      const carried = this.decoder.flush();
      text = carried.length === 0 ? chunk : carried + chunk;
      dirty = holdsGarbage(text);
    } else {
      text = this.decoder.write(chunk);
      // Checking bytes is cheaper than checking text; invalid UTF-8 shows as U+FFFD, found by a native search.
      dirty = holdsControlBytes(chunk) || text.indexOf('\ufffd') !== -1;
    }
    if (text.length === 0) return;
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
    while (this.pending.length > MAX_LINE_CHARS) {
      const piece = this.pending.slice(0, MAX_LINE_CHARS);
      this.pending = this.pending.slice(MAX_LINE_CHARS);
      this.sink(piece, holdsGarbage(piece), this.cut);
      this.cut = true;
    }
  }

  /** The text not yet ended by a newline (for readers that can tell a record is complete without one). */
  peekPending(): string {
    return this.pending;
  }

  /** Delivers the pending text as a line now, as if a newline had followed it. */
  takePending(): void {
    const rest = this.pending;
    const dirty = this.pendingDirty;
    this.pending = '';
    this.pendingDirty = false;
    if (rest.length > 0) this.deliverLines(rest, dirty);
    this.cut = false;
  }

  end(): void {
    const tail = this.decoder.end();
    if (tail.length > 0) this.push(tail);
    this.takePending();
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
      const crlf = end > start && block.charCodeAt(end - 1) === 13;
      const line = ownCopy(block.slice(start, crlf ? end - 1 : end));
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
      if (newline === -1) return;
      start = newline + 1;
    }
  }
}
