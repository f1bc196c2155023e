import { parseJsonObject, type JsonObject } from '../json-object.ts';
import { MAX_OBJECT_CHARS, MAX_OBJECT_LINES } from './limits.ts';

/**
 * Receives each framed record: `isObject` when the text is one balanced `{…}`, otherwise text that is not an
 * object at all or an object cut short. `lines` counts the physical lines it consumed. `value` is the parsed
 * object when the framer already had to parse it.
 */
export type FramedRecordSink = (text: string, lines: number, isObject: boolean, value?: JsonObject) => void;

const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const QUOTE = 34;
const BACKSLASH = 92;

/** The index of the quote that ends the string whose text starts at `from`, or -1 when the line ends first. */
function stringEnd(text: string, from: number): number {
  let at = from;
  for (;;) {
    const quote = text.indexOf('"', at);
    if (quote === -1) return -1;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote;
    at = quote + 1;
  }
}

function lastNonSpace(text: string): number {
  let at = text.length - 1;
  while (at >= 0) {
    const c = text.charCodeAt(at);
    if (c !== 32 && c !== 9) return c;
    at--;
  }
  return -1;
}

function skipSpaces(text: string, at: number): number {
  while (at < text.length) {
    const c = text.charCodeAt(at);
    if (c !== 32 && c !== 9) break;
    at++;
  }
  return at;
}

/**
 * Finds JSON objects in a line stream by brace depth, aware of strings and escapes. Handles the pretty-printed
 * stream of `fly logs --json` (one object over many lines) as well as one compact object per line.
 *
 * A `{` at column 0 while an object is still open starts a new top-level object: the open one was cut short
 * (pretty-printed nested objects are always indented), and it becomes a record of its own instead of
 * swallowing the next good object. Strings cannot span lines in JSON, so string state ends with each line.
 */
export class JsonObjectFramer {
  private depth = 0;
  private inString = false;
  private parts: string[] = [];
  private chars = 0;
  private lines = 0;
  /** Part of the open object already went out as a record (too big): the rest cannot be an entry either. */
  private broken = false;

  /** `multiLine`: objects may span lines (`--json`); otherwise an object must end on the line it starts on. */
  constructor(
    private readonly multiLine: boolean,
    private readonly sink: FramedRecordSink,
  ) {}

  /** No object is open. */
  get idle(): boolean {
    return this.depth === 0;
  }

  line(text: string, piece: boolean): void {
    const lineCount = piece ? 0 : 1;
    let at = 0;
    let attributed = false;
    if (this.depth > 0) {
      if (text.charCodeAt(0) === OPEN_BRACE && !piece) {
        this.abandon();
      } else if (text.indexOf('{') === -1 && text.indexOf('}') === -1) {
        // Most lines of a pretty-printed object hold no brace; strings end with their line, so there is
        // nothing to count.
        this.append(text, lineCount);
        return;
      } else {
        const close = this.scan(text, 0);
        if (close === -1) {
          this.append(text, lineCount);
          this.endOfLine();
          return;
        }
        this.append(text.slice(0, close + 1), lineCount);
        this.finish();
        attributed = true;
        at = close + 1;
      }
    }
    for (;;) {
      const start = skipSpaces(text, at);
      if (start >= text.length) return;
      const recordStart = attributed ? start : 0;
      const lines = attributed ? 0 : lineCount;
      attributed = true;
      if (text.charCodeAt(start) !== OPEN_BRACE) {
        this.sink(text.slice(recordStart), lines, false);
        return;
      }
      if (start === at && lastNonSpace(text) === CLOSE_BRACE) {
        // One compact object per line (NATS, app files, compact --json): when the rest of the line parses, it
        // is the object, and counting its braces is not needed.
        const rest = start === 0 ? text : text.slice(start);
        const value = parseJsonObject(rest);
        if (value !== null) {
          this.sink(rest.trimEnd(), lines, true, value);
          return;
        }
      }
      const close = this.scan(text, start);
      if (close !== -1) {
        this.sink(text.slice(start, close + 1), lines, true);
        at = close + 1;
        continue;
      }
      if (!this.multiLine) {
        this.reset();
        this.sink(text.slice(recordStart), lines, false);
        return;
      }
      this.append(text.slice(start), lines);
      this.endOfLine();
      return;
    }
  }

  /** End of input: an object still open was cut short. */
  end(): void {
    if (this.depth > 0) this.abandon();
  }

  /** Continues the brace count over `text` from `from`; returns the index of the `}` that closes the object, or -1. */
  private scan(text: string, from: number): number {
    let depth = this.depth;
    let i = from;
    if (this.inString) {
      i = stringEnd(text, i);
      if (i === -1) return -1;
      this.inString = false;
      i++;
    }
    const length = text.length;
    for (; i < length; i++) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        // Strings are skipped with native searches: they hold most of the text (the message).
        const end = stringEnd(text, i + 1);
        if (end === -1) {
          this.depth = depth;
          this.inString = true;
          return -1;
        }
        i = end;
      } else if (c === OPEN_BRACE) {
        depth++;
      } else if (c === CLOSE_BRACE) {
        depth--;
        if (depth === 0) {
          this.depth = 0;
          return i;
        }
      }
    }
    this.depth = depth;
    return -1;
  }

  private endOfLine(): void {
    this.inString = false;
  }

  private append(text: string, lines: number): void {
    this.parts.push(text);
    this.chars += text.length + 1;
    this.lines += lines;
    if (this.lines > MAX_OBJECT_LINES || this.chars > MAX_OBJECT_CHARS) {
      this.sink(this.parts.join('\n'), this.lines, false);
      this.parts = [];
      this.chars = 0;
      this.lines = 0;
      this.broken = true;
    }
  }

  private finish(): void {
    const text = this.parts.join('\n');
    const lines = this.lines;
    const broken = this.broken;
    this.reset();
    this.sink(text, lines, !broken);
  }

  /** The open object ends here without its closing brace. */
  private abandon(): void {
    const text = this.parts.join('\n');
    const lines = this.lines;
    this.reset();
    if (text.length > 0 || lines > 0) this.sink(text, lines, false);
  }

  private reset(): void {
    this.depth = 0;
    this.inString = false;
    this.parts = [];
    this.chars = 0;
    this.lines = 0;
    this.broken = false;
  }
}
