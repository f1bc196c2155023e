import type { TimePrecision } from '../entry.ts';

/** An instant as an entry carries it. */
export interface EntryTime {
  /** ISO-8601 UTC ending in `Z`, with exactly the fractional digits the source gave. */
  time: string;
  /** Epoch milliseconds, sub-millisecond digits dropped. */
  timeMs: number;
  precision: TimePrecision;
}

export interface ParsedTimestamp {
  time: string;
  timeMs: number;
  /** The text gave fractional seconds. */
  fractional: boolean;
}

export interface TimestampOptions {
  /** Accept a space between date and time (`2026-11-20 09:14:03`, as winston's `YYYY-MM-DD HH:mm:ss` prints). */
  allowSpace?: boolean;
}

const MAX_FRACTION_DIGITS = 9;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digit(text: string, i: number): number {
  const d = text.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

function twoDigits(text: string, i: number): number {
  const a = digit(text, i);
  const b = digit(text, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Parses an RFC 3339 date-time (`2026-11-20T09:14:03Z`, `…03.123456789Z`, `…03+07:00`), by hand: Date.parse
 * is not specified for nine fractional digits, and this runs once per line. Without a zone the time is taken
 * as UTC. Returns null unless the whole text is one valid date-time.
 */
export function parseTimestamp(text: string, options?: TimestampOptions): ParsedTimestamp | null {
  const length = text.length;
  if (length < 19) return null;
  const y1 = twoDigits(text, 0);
  const y2 = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  if (y1 < 0 || y2 < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23) return null;
  if (minute < 0 || minute > 59 || second < 0 || second > 59) return null;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return null;
  const separator = text.charCodeAt(10);
  const spaceSeparated = separator === 32;
  if (separator !== 84 && separator !== 116 && !(spaceSeparated && options?.allowSpace === true)) return null;
  const year = y1 * 100 + y2;
  if (year < 1000) return null;
  const monthDays = month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  if (day > monthDays) return null;

  let i = 19;
  let fraction = '';
  let fractionMs = 0;
  const fractionMark = i < length ? text.charCodeAt(i) : 0;
  if (fractionMark === 46 || fractionMark === 44) {
    const start = i + 1;
    i = start;
    while (i < length && digit(text, i) >= 0) i++;
    if (i === start || i - start > MAX_FRACTION_DIGITS) return null;
    fraction = text.slice(start, i);
    for (let k = 0; k < 3; k++) fractionMs = fractionMs * 10 + (k < fraction.length ? digit(fraction, k) : 0);
  }

  let offsetMinutes = 0;
  let zulu = false;
  if (i < length) {
    const zone = text.charCodeAt(i);
    if (zone === 90 || zone === 122) {
      zulu = zone === 90;
      i++;
    } else if (zone === 43 || zone === 45) {
      const offsetHour = twoDigits(text, i + 1);
      if (offsetHour < 0 || offsetHour > 23) return null;
      i += 3;
      let offsetMinute = 0;
      if (i < length) {
        if (text.charCodeAt(i) === 58) i++;
        offsetMinute = twoDigits(text, i);
        if (offsetMinute < 0 || offsetMinute > 59) return null;
        i += 2;
      }
      offsetMinutes = (zone === 45 ? -1 : 1) * (offsetHour * 60 + offsetMinute);
    } else {
      return null;
    }
    if (i !== length) return null;
  }

  const epochSeconds = Date.UTC(year, month - 1, day, hour, minute, second) / 1000 - offsetMinutes * 60;
  const timeMs = epochSeconds * 1000 + fractionMs;
  // The common case (flyctl, NATS, winston all print UTC with `Z`) is already normalised.
  const time = zulu && separator === 84 && fractionMark !== 44
    ? text
    : new Date(epochSeconds * 1000).toISOString().slice(0, 19) + (fraction === '' ? '' : '.' + fraction) + 'Z';
  return { time, timeMs, fractional: fraction !== '' };
}

/** The time given to an unparsed record that has no parsed entry to borrow a time from. */
const MAX_DATE_MS = 8.64e15;

export function clockTime(nowMs: number, precision: TimePrecision): EntryTime {
  // A clock gone wrong must not make toISOString() throw.
  const ms = Number.isFinite(nowMs) && Math.abs(nowMs) <= MAX_DATE_MS ? Math.floor(nowMs) : Date.now();
  if (precision === 'second') {
    const whole = Math.floor(ms / 1000) * 1000;
    return { time: new Date(whole).toISOString().slice(0, 19) + 'Z', timeMs: whole, precision };
  }
  return { time: new Date(ms).toISOString(), timeMs: ms, precision };
}
