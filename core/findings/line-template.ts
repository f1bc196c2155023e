import { parseJsonObject, stringField } from '../json-object.ts';

const MAX = 160;

/**
 * The log-line template of a redacted message: what stays the same across the lines one `logger.info(...)`
 * call writes, so a reviewer sees where a leak comes from (`[Stream] Starting stream: <id>, query: <…>`).
 */
export function lineTemplate(redactedMessage: string): string {
  const nl = redactedMessage.indexOf('\n');
  const first = nl < 0 ? redactedMessage : redactedMessage.slice(0, nl);
  if (first.startsWith('{')) {
    const json = parseJsonObject(first);
    if (json !== null) {
      const message = stringField(json, 'message') ?? '';
      if (message === '[AUDIT]') return `[AUDIT] ${stringField(json, 'operation') ?? '?'}`;
      return shorten(generalize(message));
    }
  }
  return shorten(generalize(first));
}

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const ULID = /\b[0-9A-HJKMNP-TV-Z]{26}\b/g;
// At least one digit: English words are not ids.
const HEX_ID = /\b(?=[0-9a-f]*[0-9])[0-9a-f]{12,}\b/gi;

/**
 * Request ids, UUIDs and ULIDs vary per line of one `logger.info(...)` call: left in, every request would be a
 * leak source of its own.
 */
function generalize(text: string): string {
  return text
    .replace(/\[REDACTED:[a-z-]+\]/g, '<…>')
    .replace(UUID, '<id>')
    .replace(ULID, '<id>')
    .replace(HEX_ID, '<id>')
    .replace(/\bconn_\d+_[A-Za-z0-9]+/g, '<id>')
    .replace(/\?[^\s"]*/g, '?<…>')
    .replace(/\b\d+(\.\d+)?(ms|s)?\b/g, '<n>');
}

function shorten(text: string): string {
  return text.length > MAX ? `${text.slice(0, MAX)}…` : text;
}
