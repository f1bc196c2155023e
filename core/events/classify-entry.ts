import type { LogEntry } from '../entry.ts';
import type { Signal } from './signal.ts';
import { parseJsonObject } from '../json-object.ts';
import { jsonStringMembers } from '../json-string-members.ts';
import { classifyPlatformLine } from './classify-platform-line.ts';
import { classifyAuditLine } from './classify-audit-line.ts';
import { classifyStreamText } from './classify-stream-text.ts';

/**
 * Names the fact a redacted entry carries, or null for the many entries that carry none. Cheap substring
 * checks come first: most lines are neither audit, stream nor rate-limit lines, and JSON.parse on every app
 * line would cost more than the rest of the ingest.
 */
export function classifyEntry(entry: LogEntry): Signal | null {
  if (entry.unparsed) return null;
  if (entry.provider !== 'app' && entry.provider !== '') return classifyPlatformLine(entry.provider, entry.message.trimStart());
  // `fly logs --json` and NATS keep the space that plain output shows after `[info]`: it is not part of the line.
  const message = entry.message.trimStart();
  const hasAudit = message.includes('[AUDIT]');
  const hasStream = message.includes('[Stream]');
  const hasRateLimit = message.includes('Rate limit exceeded');
  if (!hasAudit && !hasStream && !hasRateLimit) return null;

  // The backend logs through winston as JSON, but some lines are plain text: both must work.
  const firstLine = firstLineOf(message);
  if (!firstLine.startsWith('{')) return classifyText(message);
  // Only an audit line needs its object: of the others the message is read without building one.
  const fields = hasAudit ? undefined : jsonStringMembers(firstLine, MESSAGE);
  if (fields !== undefined) {
    const inner = fields[0];
    return typeof inner === 'string' ? classifyText(inner) : null;
  }
  const json = parseJsonObject(firstLine);
  if (json !== null) {
    if (hasAudit && json['message'] === '[AUDIT]') return classifyAuditLine(json);
    const inner = json['message'];
    if (typeof inner !== 'string') return null;
    // A [Stream] line's query runs to the end of the entry, so the text after the first line belongs to it.
    return classifyText(inner);
  }
  return classifyText(message);
}

const MESSAGE = ['message'];

function classifyText(text: string): Signal | null {
  const stream = text.indexOf('[Stream] ');
  if (stream >= 0) return classifyStreamText(text.slice(stream + 9));
  return classifyRateLimitText(text);
}

/** `🚨 Rate limit exceeded for user:ratelimit-test on /chat-stream`, or the global `Rate limit exceeded for IP: <ip>`. */
function classifyRateLimitText(text: string): Signal | null {
  const at = text.indexOf('Rate limit exceeded for ');
  if (at < 0) return null;
  const rest = text.slice(at + 24);
  if (rest.startsWith('IP: ')) {
    const ip = rest.slice(4).split(/\s/, 1)[0] ?? '';
    return { kind: 'ratelimit', via: 'global', key: ip === '' ? null : `ip:${ip}` };
  }
  const on = rest.lastIndexOf(' on ');
  const key = (on >= 0 ? rest.slice(0, on) : rest).trim();
  return { kind: 'ratelimit', via: 'warn', key: key === '' ? null : key };
}

function firstLineOf(text: string): string {
  const nl = text.indexOf('\n');
  return nl < 0 ? text : text.slice(0, nl);
}
