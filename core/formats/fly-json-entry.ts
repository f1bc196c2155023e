import type { HttpFields, LogEntry } from '../entry.ts';
import { numberField, objectField, stringField, type JsonObject } from '../json-object.ts';
import { parseTimestamp } from './timestamp.ts';

function text(value: string | null): string {
  return value ?? '';
}

/**
 * Fly's log API fields that flyctl would print before the message; zero values mean "absent" (every field is
 * always present in `--json`), as flyctl's own renderer treats them.
 */
function httpFields(meta: JsonObject | null): HttpFields | null {
  const http = objectField(meta, 'HTTP');
  const request = objectField(http, 'Request');
  const response = objectField(http, 'Response');
  const error = objectField(meta, 'Error');
  const fields: HttpFields = {};
  let found = false;
  const method = stringField(request, 'Method');
  if (method) { fields.method = method; found = true; }
  const url = stringField(objectField(meta, 'URL'), 'Full');
  if (url) { fields.url = url; found = true; }
  const id = stringField(request, 'ID');
  if (id) { fields.requestId = id; found = true; }
  const status = numberField(response, 'status_code');
  if (status !== null && status > 0) { fields.status = status; found = true; }
  const code = numberField(error, 'Code');
  if (code !== null && code > 0) { fields.errorCode = code; found = true; }
  const errorMessage = stringField(error, 'Message');
  if (errorMessage) { fields.errorMessage = errorMessage; found = true; }
  return found ? fields : null;
}

/**
 * One object of `fly logs --json` (flyctl's logs.LogEntry): level, instance, message, region, timestamp
 * (RFC 3339 with nanoseconds) and meta. Null when it is not such an entry (no readable timestamp, or a message
 * that is not text).
 */
export function flyJsonEntry(value: JsonObject, _text: string, lines: number): LogEntry | null {
  const time = parseTimestamp(text(stringField(value, 'timestamp')));
  if (time === null) return null;
  const message = value['message'];
  if (message !== undefined && typeof message !== 'string') return null;
  const meta = objectField(value, 'meta');
  const entry: LogEntry = {
    time: time.time,
    timeMs: time.timeMs,
    precision: 'subsecond',
    instance: stringField(value, 'instance') || text(stringField(meta, 'Instance')),
    provider: text(stringField(objectField(meta, 'Event'), 'Provider')),
    region: stringField(value, 'region') || text(stringField(meta, 'Region')),
    level: text(stringField(value, 'level')),
    message: message ?? '',
    format: 'json',
    unparsed: false,
    lines,
  };
  const http = httpFields(meta);
  if (http !== null) entry.http = http;
  return entry;
}
