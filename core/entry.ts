/**
 * A log entry: one record of any transport, after framing and parsing, before anything is stored.
 * Until the redactor has run, `message`, `http.url` and `http.errorMessage` may hold plaintext personal
 * data: only core/findings may look at them, and nothing may write an unredacted entry anywhere.
 */
export type TransportFormat = 'plain' | 'json' | 'nats' | 'app';

/** The precision of an entry's time as its format carries it: plain `fly logs` prints whole seconds. */
export type TimePrecision = 'second' | 'subsecond';

/** HTTP fields that Fly's log API attaches to some entries (printed before the message by flyctl). */
export interface HttpFields {
  method?: string;
  url?: string;
  requestId?: string;
  status?: number;
  errorCode?: number;
  errorMessage?: string;
}

export interface LogEntry {
  /** Fly's timestamp (for app log files: the winston `timestamp`), ISO-8601 UTC at the precision it carried. */
  time: string;
  /** The same instant in epoch milliseconds (sub-millisecond digits dropped). */
  timeMs: number;
  precision: TimePrecision;
  /** '' when the format carries none (and for unparsed entries). */
  instance: string;
  provider: string;
  region: string;
  level: string;
  /** The message; continuation lines are joined to the first line with '\n'. */
  message: string;
  http?: HttpFields;
  format: TransportFormat;
  /** True when the record fits no format: the whole record text is the message, time is when it was read. */
  unparsed: boolean;
  /** Physical lines this entry was made of (for the `lines` count of the ingest summary). */
  lines: number;
}
