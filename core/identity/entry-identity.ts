import { createHash } from 'node:crypto';
import type { LogEntry } from '../entry.ts';

/**
 * The duplicate rule of spec/metrics.md: an entry is `(time, instance, provider, message, n)`, n its occurrence
 * within the current run of consecutive entries that carry the same time. A replay lands in a later run and
 * gets an identity the store already holds; a real repeat inside one run gets a new n.
 *
 * The identity is hashed from the REDACTED message plus the findings' keyed fingerprints, so the store keeps
 * nothing from which plaintext could be recovered, and two entries that differ only inside a redacted span stay
 * distinct. A plain (unkeyed) hash is enough for everything else: it is over text the store holds anyway.
 */
export interface RunState {
  time: string;
  /** Occurrences so far in this run, by the tuple's hash (never by its text). */
  counts: Record<string, number>;
}

export function emptyRunState(): RunState {
  return { time: '', counts: {} };
}

export class EntryIdentity {
  constructor(private run: RunState = emptyRunState()) {}

  snapshot(): RunState {
    return this.run;
  }

  /** A signed 64-bit identity (SQLite's INTEGER), advancing the run. */
  next(entry: LogEntry, fingerprints: readonly string[]): bigint {
    if (entry.time !== this.run.time) this.run = { time: entry.time, counts: {} };
    const h = createHash('sha1');
    h.update(entry.time);
    h.update('\0');
    h.update(entry.instance);
    h.update('\0');
    h.update(entry.provider);
    h.update('\0');
    h.update(entry.message);
    for (const fp of fingerprints) {
      h.update('\0');
      h.update(fp);
    }
    const digest = h.digest();
    const tupleKey = digest.toString('base64', 0, 12);
    const n = (this.run.counts[tupleKey] ?? 0) + 1;
    this.run.counts[tupleKey] = n;
    // Mix n into the 64 bits: xor with a multiplicative spread keeps it one hash, no second pass over the text.
    const base = digest.readBigInt64BE(0);
    return BigInt.asIntN(64, base ^ (BigInt(n - 1) * 0x9e3779b97f4a7c15n));
  }
}
