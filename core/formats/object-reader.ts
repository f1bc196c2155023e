import type { LogEntry } from '../entry.ts';
import { parseJsonObject, type JsonObject } from '../json-object.ts';
import { stripAnsi } from './ansi.ts';
import { JsonObjectFramer } from './json-object-framer.ts';
import type { RecordReader } from './record-reader.ts';
import type { UnparsedStamper } from './unparsed-stamper.ts';

/** Turns one parsed object of a format into an entry; null when the object is not an entry of that format. */
export type ObjectEntryParser = (value: JsonObject, text: string, lines: number) => LogEntry | null;

/**
 * Reads formats made of JSON objects (`--json`, NATS, app files). Anything that is not a valid object of the
 * format is an unparsed record. Invalid bytes inside a string do not matter here: an object that parses is an
 * entry, control bytes make it fail to parse.
 */
export class ObjectReader implements RecordReader {
  private readonly framer: JsonObjectFramer;
  private out: LogEntry[] = [];

  constructor(
    multiLine: boolean,
    private readonly parse: ObjectEntryParser,
    private readonly stamper: UnparsedStamper,
  ) {
    this.framer = new JsonObjectFramer(multiLine, (text, lines, isObject, value) => this.record(text, lines, isObject, value));
  }

  line(text: string, _garbage: boolean, piece: boolean, out: LogEntry[]): void {
    this.out = out;
    this.framer.line(stripAnsi(text), piece);
  }

  /**
   * A NATS subscriber may push each message without a newline: a complete object need not wait for the next one.
   * (Only a whole object can parse, so this never cuts a record short.)
   */
  takesUnendedLine(text: string): boolean {
    if (!this.framer.idle) return false;
    const trimmed = text.trim();
    if (trimmed.charCodeAt(0) !== 123 || trimmed.charCodeAt(trimmed.length - 1) !== 125) return false;
    return parseJsonObject(trimmed) !== null;
  }

  end(out: LogEntry[]): void {
    this.out = out;
    this.framer.end();
  }

  private record(text: string, lines: number, isObject: boolean, parsed: JsonObject | undefined): void {
    const out = this.out;
    if (isObject) {
      const value = parsed ?? parseJsonObject(text);
      const entry = value === null ? null : this.parse(value, text, lines);
      if (entry !== null) {
        this.stamper.parsed(entry, out);
        out.push(entry);
        return;
      }
    }
    this.stamper.unparsed(text, lines, out);
  }
}
