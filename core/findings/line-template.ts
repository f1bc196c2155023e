import { parseJsonObject, stringField } from '../json-object.ts';
import { jsonStringMembers } from '../json-string-members.ts';
import { BoundedMemo } from './bounded-memo.ts';
import { replaceConnectionIds, replaceHexIds, replaceMarks } from './template-ids.ts';

const MAX = 160;

/**
 * The log-line template of a redacted message: what stays the same across the lines one `logger.info(...)`
 * call writes, so a reviewer sees where a leak comes from (`[Stream] Starting stream: <id>, query: <…>`).
 */
export function lineTemplate(redactedMessage: string): string {
  const nl = redactedMessage.indexOf('\n');
  const first = nl < 0 ? redactedMessage : redactedMessage.slice(0, nl);
  if (first.startsWith('{')) {
    // Read for the two fields it needs, not parsed into an object: most flagged lines are JSON.
    const fields = jsonStringMembers(first, TEMPLATE_FIELDS);
    if (fields !== undefined) {
      const message = fields[0] ?? '';
      if (message === '[AUDIT]') return `[AUDIT] ${fields[1] ?? '?'}`;
      return generalize(message);
    }
    const json = parseJsonObject(first);
    if (json !== null) {
      const message = stringField(json, 'message') ?? '';
      if (message === '[AUDIT]') return `[AUDIT] ${stringField(json, 'operation') ?? '?'}`;
      return generalize(message);
    }
  }
  return generalize(first);
}

const TEMPLATE_FIELDS = ['message', 'operation'];

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const ULID = /\b[0-9A-HJKMNP-TV-Z]{26}\b/g;
const QUERY_STRING = /\?[^\s"]*/g;
const NUMBER = /\b\d+(\.\d+)?(ms|s)?\b/g;

/**
 * The template of a line's text, shortened. Request ids, UUIDs and ULIDs vary per line of one `logger.info(...)`
 * call: left in, every request would be a leak source of its own. Each replacement is tried only where a cheap
 * test finds what every match of it needs.
 */
function generalize(text: string): string {
  let t = text;
  t = replaceMarks(t);
  if (hasUuidDashes(t)) t = t.replace(UUID, '<id>');
  if (hasRun(t, 26, isUlidChar)) t = t.replace(ULID, '<id>');
  t = replaceHexIds(t);
  t = replaceConnectionIds(t);
  // Without its ids, a line is one of the few its logger calls write: the rest is looked up, not redone.
  const memo = t.length <= MAX_REMEMBERED ? remembered : null;
  let done = memo?.get(t);
  if (done === undefined) {
    done = shorten((t.indexOf('?') >= 0 ? t.replace(QUERY_STRING, '?<…>') : t).replace(NUMBER, '<n>'));
    memo?.set(t, done);
  }
  return done;
}

/** Redacted text only (templates are made of redacted messages), so it may be kept; bounded all the same. */
const remembered = new BoundedMemo<string>(1024);
/** Longer lines are not kept: they seldom repeat, and the memo's memory stays small (its bound times this). */
const MAX_REMEMBERED = 1024;

/** A dash with dashes 5, 10 and 15 characters after it, as in a UUID (8-4-4-4-12). */
function hasUuidDashes(text: string): boolean {
  // The dash after the first 8 characters, with the 27 of the rest of a UUID after it.
  for (let p = text.indexOf('-', 8); p >= 0 && p + 28 <= text.length; p = text.indexOf('-', p + 1)) {
    if (text.charCodeAt(p + 5) === 45 && text.charCodeAt(p + 10) === 45 && text.charCodeAt(p + 15) === 45) return true;
  }
  return false;
}

/** Crockford base 32 as ULIDs write it: digits and capitals but I, L, O and U. */
function isUlidChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90 && c !== 73 && c !== 76 && c !== 79 && c !== 85);
}

/**
 * `length` characters in a row for which `isChar` holds. A run that long covers one of every `length`-th
 * position: only those are looked at, and the run around each one.
 */
function hasRun(text: string, length: number, isChar: (c: number) => boolean): boolean {
  for (let p = length - 1; p < text.length; p += length) {
    if (!isChar(text.charCodeAt(p))) continue;
    let s = p;
    while (s > p - (length - 1) && isChar(text.charCodeAt(s - 1))) s--;
    let e = p + 1;
    while (e - s < length && e < text.length && isChar(text.charCodeAt(e))) e++;
    if (e - s >= length) return true;
  }
  return false;
}

function shorten(text: string): string {
  return text.length > MAX ? `${text.slice(0, MAX)}…` : text;
}
