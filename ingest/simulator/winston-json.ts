import { SERVICE } from './backend-lines.ts';
import { jsonString, jsonText, type JsonFields } from './json-text.ts';
import type { WinstonBody } from './record.ts';
import { milliTime } from './timestamps.ts';

/**
 * One winston JSON line: `{"level","message",<fields>,"service","timestamp"}` in insertion order, or with keys
 * sorted as safe-stable-stringify writes them (key order is not stable in the backend's logs).
 */
export function winstonJson(body: WinstonBody, ms: number): string {
  const timestamp = milliTime(ms);
  if (body.sorted) {
    const all: JsonFields = { level: body.level, message: body.message };
    if (body.stack !== null) all['stack'] = body.stack;
    if (body.fields !== null) Object.assign(all, body.fields);
    if (all['service'] === undefined) all['service'] = SERVICE;
    all['timestamp'] = timestamp;
    return jsonText(all, true);
  }
  let out = `{"level":"${body.level}","message":${jsonString(body.message)}`;
  if (body.stack !== null) out += `,"stack":${jsonString(body.stack)}`;
  let hasService = false;
  if (body.fields !== null) {
    for (const key of Object.keys(body.fields)) {
      if (key === 'service') hasService = true;
      // Field names are the backend's own identifiers: nothing in them needs escaping.
      const value = body.fields[key] as JsonFields[string];
      if (typeof value === 'string') out += `,"${key}":${jsonString(value)}`;
      else if (typeof value === 'number' || typeof value === 'boolean') out += `,"${key}":${value}`;
      else out += `,"${key}":${jsonText(value, false)}`;
    }
  }
  if (!hasService) out += `,"service":"${SERVICE}"`;
  return out + `,"timestamp":"${timestamp}"}`;
}

/** The entry's message in `fly logs`: console text as it was printed, or the winston JSON line. */
export function appMessage(body: WinstonBody | string, ms: number): string {
  if (typeof body === 'string') return body;
  if (body.text) return body.stack === null ? body.message : `${body.message}\n${body.stack}`;
  return winstonJson(body, ms);
}
