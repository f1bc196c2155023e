import type { HttpFields } from '../entry.ts';
import { skipEscapes, stripAnsi } from './ansi.ts';

/** HTTP fields found in a plain line, and where the message starts after them. */
export interface HttpFieldsAt {
  http: HttpFields;
  end: number;
}

/**
 * One field name as flyctl prints it: dimmed (`ESC[2mrequest.url=ESC[0m`), so colours may surround it. Sticky: it
 * only matches where the previous field ended. flyctl's render/logs.go prints `error.code`, `request.method`,
 * `request.url`, `request.id`, `response.status` in that order; the order is not relied on. `error.message`
 * normally comes before the timestamp, but is read here too.
 */
const FIELD_NAME =
  /(?:\x1b\[[0-9;]*m)*(?:error\.code|response\.status|request\.method|request\.url|request\.id|error\.message)=/y;
const MAX_NUMBER_DIGITS = 15;

/**
 * Where a quoted value that starts at `open` (the opening quote) ends. flyctl prints text values as `"%s" `,
 * not %q: nothing is escaped, so the value ends at the first `" `, or at a quote that ends the line.
 * Returns the index of the closing quote, or -1.
 */
export function closingQuote(line: string, open: number): number {
  const close = line.indexOf('" ', open + 1);
  if (close !== -1) return close;
  const last = line.length - 1;
  return last > open && line.charCodeAt(last) === 34 ? last : -1;
}

/** The six names differ in length, except `error.code` and `request.id`, which differ in their first letter. */
type FieldKey = 'status' | 'method' | 'errorMessage' | 'url' | 'errorCode' | 'requestId';

function fieldKey(line: string, nameStart: number, nameLength: number): FieldKey {
  switch (nameLength) {
    case 15: return 'status';
    case 14: return 'method';
    case 13: return 'errorMessage';
    case 11: return 'url';
    default: return line.charCodeAt(nameStart) === 101 ? 'errorCode' : 'requestId';
  }
}

/** A `%d ` value at `at`: the number and the index after its space, or null. */
function readNumber(line: string, at: number): { value: number; next: number } | null {
  let i = at;
  let value = 0;
  while (i < line.length) {
    const d = line.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    value = value * 10 + d;
    i++;
  }
  if (i === at || i - at > MAX_NUMBER_DIGITS) return null;
  if (i < line.length && line.charCodeAt(i) !== 32) return null;
  return { value, next: Math.min(i + 1, line.length) };
}

/**
 * Reads the `name=value ` fields flyctl prints between `[level]` and the message (`request.method="GET"
 * response.status=502 `). Returns null when there are none. A field that does not read cleanly ends the scan and
 * stays part of the message.
 */
export function parseHttpFields(line: string, start: number): HttpFieldsAt | null {
  const first = line.charCodeAt(start);
  // Most lines have no fields: decide without running the matcher.
  if (first !== 101 && first !== 114 && first !== 27) return null;
  let at = start;
  let http: HttpFields | null = null;
  for (;;) {
    FIELD_NAME.lastIndex = at;
    // test() rather than exec(): no result array per field.
    if (!FIELD_NAME.test(line)) break;
    const equals = FIELD_NAME.lastIndex - 1;
    const nameStart = skipEscapes(line, at);
    const key = fieldKey(line, nameStart, equals - nameStart);
    const valueAt = skipEscapes(line, equals + 1);
    let next: number;
    if (key === 'status' || key === 'errorCode') {
      const number = readNumber(line, valueAt);
      if (number === null) break;
      http ??= {};
      http[key] = number.value;
      next = number.next;
    } else {
      if (line.charCodeAt(valueAt) !== 34) break;
      const close = closingQuote(line, valueAt);
      if (close === -1) break;
      const text = line.slice(valueAt + 1, close);
      http ??= {};
      http[key] = text.indexOf('\x1b') === -1 ? text : stripAnsi(text);
      next = Math.min(close + 2, line.length);
    }
    at = next;
  }
  return http === null ? null : { http, end: at };
}
