import type { PreparedEntry } from '../core/prepare-entry.ts';
import type { Finding } from '../core/findings/finding.ts';
import type { HttpFields, LogEntry } from '../core/entry.ts';
import type { Signal } from '../core/events/signal.ts';

/**
 * A batch of prepared entries as it crosses from the prepare worker to the writer: one flat array of values.
 * Structured clone writes every property name of every object it copies, and reading them back cost the
 * writer's thread about 5 µs an entry (a fifth of its budget); positions cost nothing.
 */
export interface EncodedBatch {
  count: number;
  values: unknown[];
}

const ENTRY_WIDTH = 19;
const FINDING_WIDTH = 9;
const NONE = 0;

export function encodeBatch(batch: readonly PreparedEntry[]): EncodedBatch {
  const values: unknown[] = new Array(batch.length * ENTRY_WIDTH);
  let i = 0;
  for (const p of batch) {
    const e = p.entry;
    values[i++] = e.time;
    values[i++] = e.timeMs;
    values[i++] = e.precision;
    values[i++] = e.instance;
    values[i++] = e.provider;
    values[i++] = e.region;
    values[i++] = e.level;
    values[i++] = e.message;
    values[i++] = e.http ?? NONE;
    values[i++] = e.format;
    values[i++] = e.unparsed;
    values[i++] = e.lines;
    values[i++] = p.findings.length === 0 ? NONE : encodeFindings(p.findings);
    values[i++] = p.template;
    values[i++] = p.signal ?? NONE;
    values[i++] = p.identity;
    values[i++] = p.leakedQueryHashes.length === 0 ? NONE : p.leakedQueryHashes;
    values[i++] = p.queryHashMac ?? NONE;
    values[i++] = p.connectionMac ?? NONE;
  }
  return { count: batch.length, values };
}

export function decodeBatch(encoded: EncodedBatch): PreparedEntry[] {
  const v = encoded.values;
  const out: PreparedEntry[] = new Array(encoded.count);
  for (let n = 0, i = 0; n < encoded.count; n++, i += ENTRY_WIDTH) {
    const entry: LogEntry = {
      time: v[i] as string,
      timeMs: v[i + 1] as number,
      precision: v[i + 2] as LogEntry['precision'],
      instance: v[i + 3] as string,
      provider: v[i + 4] as string,
      region: v[i + 5] as string,
      level: v[i + 6] as string,
      message: v[i + 7] as string,
      format: v[i + 9] as LogEntry['format'],
      unparsed: v[i + 10] as boolean,
      lines: v[i + 11] as number,
    };
    if (v[i + 8] !== NONE) entry.http = v[i + 8] as HttpFields;
    const findings = v[i + 12];
    const signal = v[i + 14];
    const leaked = v[i + 16];
    const mac = v[i + 17];
    const connectionMac = v[i + 18];
    out[n] = {
      entry,
      findings: findings === NONE ? [] : decodeFindings(findings as unknown[]),
      template: v[i + 13] as string,
      signal: signal === NONE ? null : (signal as Signal),
      identity: v[i + 15] as bigint,
      leakedQueryHashes: leaked === NONE ? [] : (leaked as string[]),
      queryHashMac: mac === NONE ? null : (mac as string),
      connectionMac: connectionMac === NONE ? null : (connectionMac as string),
    };
  }
  return out;
}

function encodeFindings(findings: readonly Finding[]): unknown[] {
  const out: unknown[] = [];
  for (const f of findings) out.push(f.rule, f.severity, f.source, f.field, f.start, f.end, f.length, f.preview, f.fingerprint);
  return out;
}

function decodeFindings(v: readonly unknown[]): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < v.length; i += FINDING_WIDTH) {
    out.push({
      rule: v[i] as Finding['rule'],
      severity: v[i + 1] as Finding['severity'],
      source: v[i + 2] as Finding['source'],
      field: v[i + 3] as string,
      start: v[i + 4] as number,
      end: v[i + 5] as number,
      length: v[i + 6] as number,
      preview: v[i + 7] as string,
      fingerprint: v[i + 8] as string,
    });
  }
  return out;
}
