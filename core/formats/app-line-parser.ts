import type { LogEntry } from '../entry.ts';
import { stringField, type JsonObject } from '../json-object.ts';
import { stripAnsi } from './ansi.ts';
import type { ObjectEntryParser } from './object-reader.ts';
import { parseTimestamp, type ParsedTimestamp } from './timestamp.ts';

/**
 * winston's `format.timestamp()` prints `toISOString()` (`2026-11-20T09:14:03.123Z`); with a format option it
 * prints local time without a zone (`2026-11-20 09:14:03`), taken as UTC (Fly machines run in UTC). Epoch
 * milliseconds are accepted too.
 */
function appTime(value: unknown): ParsedTimestamp | null {
  if (typeof value === 'string') return parseTimestamp(value, { allowSpace: true });
  if (typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < 8.64e15) {
    const timeMs = Math.floor(value);
    return { time: new Date(timeMs).toISOString(), timeMs, fractional: true };
  }
  return null;
}

/**
 * A reader of the app's own log files (`logs/combined.log`: one winston JSON object per line, no Fly prefix).
 * The message is the whole original line, so the classifiers see the same JSON they see as an `app` message
 * inside `fly logs`. The file stands for one instance. Null when the object has no readable `timestamp`.
 */
export function appLineParser(instance: string): ObjectEntryParser {
  return (value: JsonObject, text: string, lines: number): LogEntry | null => {
    const time = appTime(value['timestamp']);
    if (time === null) return null;
    const level = stringField(value, 'level') ?? '';
    return {
      time: time.time,
      timeMs: time.timeMs,
      precision: time.fractional ? 'subsecond' : 'second',
      instance,
      provider: 'app',
      region: '',
      // winston's colorize() puts escapes inside the level, which JSON then carries as \u001b.
      level: stripAnsi(level),
      message: text,
      format: 'app',
      unparsed: false,
      lines,
    };
  };
}
