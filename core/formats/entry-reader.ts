import type { LogEntry, TimePrecision, TransportFormat } from '../entry.ts';
import { appLineParser } from './app-line-parser.ts';
import { flyJsonEntry } from './fly-json-entry.ts';
import { LineSplitter } from './line-splitter.ts';
import { natsEntry } from './nats-parser.ts';
import { ObjectReader } from './object-reader.ts';
import { PlainReader } from './plain-reader.ts';
import type { RecordReader } from './record-reader.ts';
import { UnparsedStamper } from './unparsed-stamper.ts';

export interface EntryReader {
  /**
   * Feed bytes (decoded as UTF-8 with a streaming decoder, so split multi-byte characters survive; invalid bytes
   * become U+FFFD) or text. Returns the entries completed so far. Never throws on any input.
   */
  push(chunk: Buffer | string): LogEntry[];
  /**
   * End of input: flush what is pending. The reader stays usable afterwards (a follower may call it when the
   * input goes quiet, so that the last entry is not held back waiting for a line that may never come).
   */
  end(): LogEntry[];
}

export interface EntryReaderOptions {
  /** For app log files, which have no Fly prefix: the instance the file stands for ('' if unknown). */
  instance?: string;
  /** Clock for unparsed entries that have no time to borrow (ms). */
  now?: () => number;
}

/** The precision a format's clock-stamped unparsed records get: that of the format's own timestamps. */
function clockPrecision(format: TransportFormat): TimePrecision {
  return format === 'plain' ? 'second' : 'subsecond';
}

function recordReader(format: TransportFormat, stamper: UnparsedStamper, instance: string): RecordReader {
  switch (format) {
    case 'json':
      return new ObjectReader(true, flyJsonEntry, stamper);
    case 'nats':
      return new ObjectReader(false, natsEntry, stamper);
    case 'app':
      return new ObjectReader(false, appLineParser(instance), stamper);
    default:
      return new PlainReader(stamper);
  }
}

/** Turns the bytes of one transport format into log entries, streaming, with memory bounded whatever the input. */
export function createEntryReader(format: TransportFormat, options: EntryReaderOptions = {}): EntryReader {
  const known: TransportFormat = format === 'json' || format === 'nats' || format === 'app' ? format : 'plain';
  const stamper = new UnparsedStamper(known, clockPrecision(known), options.now ?? Date.now);
  const reader = recordReader(known, stamper, options.instance ?? '');
  let out: LogEntry[] = [];
  const splitter = new LineSplitter((line, garbage, piece) => reader.line(line, garbage, piece, out));

  function take(): LogEntry[] {
    const done = out;
    out = [];
    return done;
  }

  return {
    push(chunk) {
      splitter.push(chunk);
      const unended = splitter.peekPending();
      if (unended.length > 0 && reader.takesUnendedLine?.(unended) === true) splitter.takePending();
      return take();
    },
    end() {
      splitter.end();
      reader.end(out);
      stamper.end(out);
      return take();
    },
  };
}
