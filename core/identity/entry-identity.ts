import { Hash64 } from './hash64.ts';
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
  /** Occurrences so far in this run, by the tuple's hash in decimal (never by its text). */
  counts: Record<string, number>;
}

export function emptyRunState(): RunState {
  return { time: '', counts: {} };
}

export class EntryIdentity {
  private time: string;
  private counts: Map<bigint, number>;

  constructor(run: RunState = emptyRunState()) {
    this.time = run.time;
    this.counts = new Map(Object.entries(run.counts).map(([k, n]) => [BigInt(k), n]));
  }

  snapshot(): RunState {
    const counts: Record<string, number> = {};
    for (const [k, n] of this.counts) counts[k.toString()] = n;
    return { time: this.time, counts };
  }

  /** A signed 64-bit identity (SQLite's INTEGER), advancing the run. */
  next(entry: LogEntry, fingerprints: readonly string[]): bigint {
    if (entry.time !== this.time) {
      this.time = entry.time;
      this.counts = new Map();
    }
    const h = new Hash64().update(entry.time).update(entry.instance).update(entry.provider).update(entry.message);
    for (const fp of fingerprints) h.update(fp);
    const tuple = h.digest();
    const n = (this.counts.get(tuple) ?? 0) + 1;
    this.counts.set(tuple, n);
    return n === 1 ? tuple : h.update(String(n)).digest();
  }
}
