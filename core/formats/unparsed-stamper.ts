import type { LogEntry, TimePrecision, TransportFormat } from '../entry.ts';
import { MAX_HELD_BYTES, MAX_HELD_LINES } from './limits.ts';
import { clockTime, type EntryTime } from './timestamp.ts';

interface HeldRecord {
  message: string;
  lines: number;
}

/**
 * Gives unparsed records a time that does not depend on when they were read, so that ingesting the same file
 * twice yields the same identities (metrics.md, Duplicates): the time of the latest parsed entry before them.
 * Records that come before any parsed entry wait (bounded) for the first one and take its time; when none comes
 * in time, the clock's.
 */
export class UnparsedStamper {
  private last: EntryTime | null = null;
  private held: HeldRecord[] = [];
  private heldLines = 0;
  private heldBytes = 0;

  constructor(
    private readonly format: TransportFormat,
    private readonly clockPrecision: TimePrecision,
    private readonly now: () => number,
  ) {}

  /** A parsed entry is about to be emitted: held records go out first, stamped with its time. */
  parsed(entry: LogEntry, out: LogEntry[]): void {
    let last = this.last;
    if (last === null || last.time !== entry.time || last.precision !== entry.precision) {
      last = { time: entry.time, timeMs: entry.timeMs, precision: entry.precision };
      this.last = last;
    }
    if (this.held.length > 0) this.release(last, out);
  }

  unparsed(message: string, lines: number, out: LogEntry[]): void {
    if (this.last !== null) {
      out.push(this.entry(message, lines, this.last));
      return;
    }
    this.held.push({ message, lines });
    this.heldLines += lines;
    this.heldBytes += Buffer.byteLength(message);
    if (this.held.length > MAX_HELD_LINES || this.heldLines > MAX_HELD_LINES || this.heldBytes > MAX_HELD_BYTES) {
      this.release(this.clock(), out);
    }
  }

  /** End of input: records still waiting get the clock's time. */
  end(out: LogEntry[]): void {
    if (this.held.length > 0) this.release(this.clock(), out);
  }

  private clock(): EntryTime {
    let nowMs: number;
    try {
      nowMs = this.now();
    } catch {
      nowMs = Date.now();
    }
    return clockTime(nowMs, this.clockPrecision);
  }

  private release(time: EntryTime, out: LogEntry[]): void {
    for (const record of this.held) out.push(this.entry(record.message, record.lines, time));
    this.held = [];
    this.heldLines = 0;
    this.heldBytes = 0;
  }

  private entry(message: string, lines: number, time: EntryTime): LogEntry {
    return {
      time: time.time,
      timeMs: time.timeMs,
      precision: time.precision,
      instance: '',
      provider: '',
      region: '',
      level: '',
      message,
      format: this.format,
      unparsed: true,
      lines,
    };
  }
}
