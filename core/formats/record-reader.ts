import type { LogEntry } from '../entry.ts';

/** Turns the lines of one transport format into entries; entries that are complete are pushed to `out`. */
export interface RecordReader {
  line(text: string, garbage: boolean, piece: boolean, out: LogEntry[]): void;
  /** Text that has not been ended by a newline yet: read it now if it is a complete record on its own. */
  takesUnendedLine?(text: string): boolean;
  end(out: LogEntry[]): void;
}
