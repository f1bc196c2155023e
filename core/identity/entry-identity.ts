import { Hash64, toInt64 } from './hash64.ts';
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

/** A tuple seen in the current run: its hash's halves and how often it came. */
interface Seen {
  high: number;
  low: number;
  n: number;
}

const LIST_LIMIT = 32;

const keyOf = (high: number, low: number): string => `${high}:${low}`;

export class EntryIdentity {
  private time: string;
  /** Runs are short (the entries of one timestamp): a list searched in order beats a map keyed by BigInt. */
  private seen: Seen[];
  /** For a long run (a burst within one second, a file of one timestamp), past LIST_LIMIT tuples. */
  private index: Map<string, Seen> | null = null;

  constructor(run: RunState = emptyRunState()) {
    this.time = run.time;
    this.seen = Object.entries(run.counts).map(([k, n]) => {
      const v = BigInt.asUintN(64, BigInt(k));
      return { high: Number(v >> 32n), low: Number(v & 0xffffffffn), n };
    });
    if (this.seen.length > LIST_LIMIT) this.index = new Map(this.seen.map((x) => [keyOf(x.high, x.low), x]));
  }

  snapshot(): RunState {
    const counts: Record<string, number> = {};
    for (const s of this.seen) counts[toInt64(s.high, s.low).toString()] = s.n;
    return { time: this.time, counts };
  }

  /** A signed 64-bit identity (SQLite's INTEGER), advancing the run. */
  next(entry: LogEntry, fingerprints: readonly string[]): bigint {
    if (entry.time !== this.time) {
      this.time = entry.time;
      this.seen = [];
      this.index = null;
    }
    const h = new Hash64().update(entry.time).update(entry.instance).update(entry.provider).update(entry.message);
    for (const fp of fingerprints) h.update(fp);
    h.finish();
    const seen = this.find(h.high, h.low);
    if (seen === undefined) {
      const added = { high: h.high, low: h.low, n: 1 };
      this.seen.push(added);
      if (this.index !== null) this.index.set(keyOf(added.high, added.low), added);
      else if (this.seen.length > LIST_LIMIT) this.index = new Map(this.seen.map((x) => [keyOf(x.high, x.low), x]));
      return toInt64(h.high, h.low);
    }
    seen.n++;
    return h.update(String(seen.n)).digest();
  }

  private find(high: number, low: number): Seen | undefined {
    if (this.index !== null) return this.index.get(keyOf(high, low));
    for (const s of this.seen) if (s.high === high && s.low === low) return s;
    return undefined;
  }
}
