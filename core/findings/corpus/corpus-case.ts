import type { LogEntry } from '../../entry.ts';
import type { RuleId } from '../finding.ts';
import type { LabelledEntry } from '../precision-recall.ts';
import { STREAM_CHAT_AUDIT } from '../../formats/fixtures.ts';

/**
 * A hand-written case of the labelled corpus: a leak where it hides, or a look-alike that must stay quiet.
 * `expect` counts the findings per rule a reviewer would want (absent rules: none).
 */
export interface CorpusCase {
  id: string;
  message: string;
  /** Fly's `request.url`. */
  url?: string;
  /** Fly's `error.message`. */
  errorMessage?: string;
  /** An entry that fit no format: its raw text is the message. */
  unparsed?: boolean;
  expect: Partial<Record<RuleId, number>>;
}

export function corpusEntry(c: CorpusCase): LogEntry {
  const entry: LogEntry = {
    time: '2026-11-20T09:14:03Z',
    timeMs: Date.parse('2026-11-20T09:14:03Z'),
    precision: 'second',
    instance: c.unparsed ? '' : '4d895d5ec41638',
    provider: c.unparsed ? '' : c.url !== undefined || c.errorMessage !== undefined ? 'proxy' : 'app',
    region: c.unparsed ? '' : 'sin',
    level: c.unparsed ? '' : 'info',
    message: c.message,
    format: 'plain',
    unparsed: c.unparsed === true,
    lines: c.message.split('\n').length,
  };
  if (c.url !== undefined || c.errorMessage !== undefined) {
    entry.http = { method: 'GET', status: 200 };
    if (c.url !== undefined) entry.http.url = c.url;
    if (c.errorMessage !== undefined) entry.http.errorMessage = c.errorMessage;
  }
  return entry;
}

export function labelled(cases: readonly CorpusCase[]): LabelledEntry[] {
  return cases.map((c) => ({ id: c.id, entry: corpusEntry(c), expect: c.expect }));
}

/** A winston JSON line as the backend writes it (key order as winston leaves it). */
export function winston(message: string, fields: Record<string, unknown> = {}): string {
  return JSON.stringify({ level: 'info', message, ...fields, timestamp: '2026-11-20T09:14:03.123Z', service: 'nuzantara-backend' });
}

/** An `[AUDIT]` line of the backend; `fields` override the defaults of a stream open. */
export function audit(fields: Record<string, unknown>): string {
  return winston('[AUDIT]', {
    ...STREAM_CHAT_AUDIT,
    metadata: { connectionId: 'conn_1732190000000_k3j2h1g0f', queryHash: '9b1e0cd4a7f3e215', queryLength: 17 },
    gdprCompliant: true,
    ...fields,
  });
}

export const CONN = 'conn_1732190000000_k3j2h1g0f';
