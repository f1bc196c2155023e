import type { PreparedEntry } from '../core/prepare-entry.ts';
import type { Finding } from '../core/findings/finding.ts';
import type { HttpFields, LogEntry } from '../core/entry.ts';
import type { Signal } from '../core/events/signal.ts';

/**
 * A batch of prepared entries as it crosses from the prepare worker to the writer. Structured clone makes a
 * heap object of every string, array and object it reads, and reading a batch of objects back was a fifth of
 * the writer's time; typed arrays and the messages cost it almost nothing. So every number of the batch goes
 * into one Float64Array, and every string but the messages into `strings`, referred to by its index there: the
 * short ones that recur (a batch repeats its times, instances, rules and field names thousands of times) once.
 */
export interface EncodedBatch {
  count: number;
  numbers: Float64Array;
  strings: string[];
  /** One per entry. */
  messages: string[];
  identities: BigInt64Array;
  /** HTTP fields, the one part of an entry that is an object of its own (index in `numbers`; -1: none). */
  http: HttpFields[];
}

const NONE = -1;

/** The signal kinds by their number in the batch. */
const SIGNAL_KINDS = ['open', 'first-token', 'close', 'fail', 'stream-error', 'ratelimit', 'auth', 'platform'] as const satisfies readonly Signal['kind'][];
const SIGNAL_CODE = new Map<Signal['kind'], number>(SIGNAL_KINDS.map((k, i) => [k, i]));

class BatchWriter {
  private numbers: Float64Array;
  private size = 0;
  readonly strings: string[] = [];
  private readonly stringIds = new Map<string, number>();

  constructor(entries: number) {
    // About 30 numbers an entry; grown by doubling when a batch holds more findings than that allows.
    this.numbers = new Float64Array(Math.max(64, entries * 32));
  }

  num(n: number): void {
    if (this.size === this.numbers.length) {
      const grown = new Float64Array(this.numbers.length * 2);
      grown.set(this.numbers);
      this.numbers = grown;
    }
    this.numbers[this.size++] = n;
  }

  flag(b: boolean): void {
    this.num(b ? 1 : 0);
  }

  /** A number that may be null: whether it is there, then its value. */
  optNum(n: number | null): void {
    if (n === null) this.num(0);
    else {
      this.num(1);
      this.num(n);
    }
  }

  /** The numbers written, in a buffer of their own size (structured clone copies the whole buffer). */
  written(): Float64Array {
    return this.numbers.slice(0, this.size);
  }

  /** A string that recurs in a batch (a time, an instance, a rule, a field name): stored once. */
  str(s: string): void {
    let id = this.stringIds.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.stringIds.set(s, id);
    }
    this.num(id);
  }

  /**
   * A long or seldom repeated string (a hash, an id): stored as it comes, since looking it up
   * would cost the worker more than reading it twice costs the writer.
   */
  raw(s: string): void {
    this.num(this.strings.length);
    this.strings.push(s);
  }

  optRaw(s: string | null): void {
    if (s === null) this.num(NONE);
    else this.raw(s);
  }
}

class BatchReader {
  private at = 0;

  constructor(
    private readonly numbers: Float64Array,
    private readonly strings: readonly string[],
  ) {}

  num(): number {
    return this.numbers[this.at++] as number;
  }

  flag(): boolean {
    return this.numbers[this.at++] === 1;
  }

  optNum(): number | null {
    return this.numbers[this.at++] === 0 ? null : (this.numbers[this.at++] as number);
  }

  str<T extends string = string>(): T {
    return this.strings[this.numbers[this.at++] as number] as T;
  }

  optStr<T extends string = string>(): T | null {
    const id = this.numbers[this.at++] as number;
    return id === NONE ? null : (this.strings[id] as T);
  }
}

/**
 * Encodes a batch entry by entry, as each is prepared: a prepared entry then dies young, instead of surviving
 * in a list of thousands until the batch is full (what survives a scavenge is what the collector pays for).
 */
export class BatchEncoder {
  private w: BatchWriter;
  private messages: string[] = [];
  private identities: bigint[] = [];
  private http: HttpFields[] = [];

  constructor(private readonly expected: number) {
    this.w = new BatchWriter(expected);
  }

  get length(): number {
    return this.messages.length;
  }

  add(p: PreparedEntry): void {
    const w = this.w;
    const e = p.entry;
    this.messages.push(e.message);
    this.identities.push(p.identity);
    w.str(e.time);
    w.num(e.timeMs);
    w.str(e.precision);
    w.str(e.instance);
    w.str(e.provider);
    w.str(e.region);
    w.str(e.level);
    w.str(e.format);
    w.flag(e.unparsed);
    w.num(e.lines);
    if (e.http === undefined) w.num(NONE);
    else {
      w.num(this.http.length);
      this.http.push(e.http);
    }
    w.optRaw(p.queryHashMac);
    w.optRaw(p.connectionMac ?? null);
    w.num(p.leakedQueryHashes.length);
    for (const h of p.leakedQueryHashes) w.raw(h);
    w.num(p.findings.length);
    for (const f of p.findings) writeFinding(w, f);
    writeSignal(w, p.signal);
  }

  /** The batch so far; the encoder starts a new one. */
  take(): EncodedBatch {
    const encoded: EncodedBatch = {
      count: this.messages.length,
      numbers: this.w.written(),
      strings: this.w.strings,
      messages: this.messages,
      identities: BigInt64Array.from(this.identities),
      http: this.http,
    };
    this.w = new BatchWriter(this.expected);
    this.messages = [];
    this.identities = [];
    this.http = [];
    return encoded;
  }
}

export function encodeBatch(batch: readonly PreparedEntry[]): EncodedBatch {
  const encoder = new BatchEncoder(batch.length);
  for (const p of batch) encoder.add(p);
  return encoder.take();
}

export function decodeBatch(encoded: EncodedBatch): PreparedEntry[] {
  const r = new BatchReader(encoded.numbers, encoded.strings);
  const out: PreparedEntry[] = new Array(encoded.count);
  for (let n = 0; n < encoded.count; n++) {
    const entry: LogEntry = {
      time: r.str(),
      timeMs: r.num(),
      precision: r.str<LogEntry['precision']>(),
      instance: r.str(),
      provider: r.str(),
      region: r.str(),
      level: r.str(),
      message: encoded.messages[n] as string,
      format: r.str<LogEntry['format']>(),
      unparsed: r.flag(),
      lines: r.num(),
    };
    const httpAt = r.num();
    if (httpAt !== NONE) entry.http = encoded.http[httpAt] as HttpFields;
    const queryHashMac = r.optStr();
    const connectionMac = r.optStr();
    const leakedQueryHashes: string[] = new Array(r.num());
    for (let k = 0; k < leakedQueryHashes.length; k++) leakedQueryHashes[k] = r.str();
    const findings: Finding[] = new Array(r.num());
    for (let k = 0; k < findings.length; k++) findings[k] = readFinding(r);
    out[n] = {
      entry,
      findings,
      signal: readSignal(r),
      identity: encoded.identities[n] as bigint,
      leakedQueryHashes,
      queryHashMac,
      connectionMac,
    };
  }
  return out;
}

function writeFinding(w: BatchWriter, f: Finding): void {
  w.str(f.rule);
  w.str(f.severity);
  w.str(f.source);
  w.str(f.field);
  w.num(f.start);
  w.num(f.end);
  w.num(f.length);
  w.str(f.preview);
  w.str(f.fingerprint);
}

function readFinding(r: BatchReader): Finding {
  return {
    rule: r.str<Finding['rule']>(),
    severity: r.str<Finding['severity']>(),
    source: r.str<Finding['source']>(),
    field: r.str(),
    start: r.num(),
    end: r.num(),
    length: r.num(),
    preview: r.str(),
    fingerprint: r.str(),
  };
}

/** The signal's kind by its number, then its fields in a fixed order per kind. */
function writeSignal(w: BatchWriter, s: Signal | null): void {
  if (s === null) {
    w.num(NONE);
    return;
  }
  w.num(SIGNAL_CODE.get(s.kind) as number);
  switch (s.kind) {
    case 'open':
      w.str(s.via);
      w.raw(s.connectionId);
      w.optRaw(s.queryHash);
      w.optRaw(s.userId);
      return;
    case 'first-token':
      w.raw(s.connectionId);
      w.num(s.ms);
      return;
    case 'close':
      w.str(s.via);
      w.raw(s.connectionId);
      w.optNum(s.durationMs);
      w.optNum(s.firstTokenMs);
      w.optNum(s.tokens);
      return;
    case 'fail':
      w.optRaw(s.connectionId);
      w.optRaw(s.error);
      w.optRaw(s.userId);
      return;
    case 'stream-error':
      return;
    case 'ratelimit':
      w.str(s.via);
      w.optRaw(s.key);
      return;
    case 'auth':
      w.str(s.operation);
      w.num(s.success === null ? NONE : s.success ? 1 : 0);
      w.optRaw(s.userId);
      return;
    case 'platform':
      w.str(s.type);
      w.optRaw(s.code);
      return;
    default:
      return unknownSignal(s);
  }
}

function readSignal(r: BatchReader): Signal | null {
  const code = r.num();
  if (code === NONE) return null;
  const kind = SIGNAL_KINDS[code];
  switch (kind) {
    case 'open':
      return { kind, via: r.str<'audit' | 'text'>(), connectionId: r.str(), queryHash: r.optStr(), userId: r.optStr() };
    case 'first-token':
      return { kind, connectionId: r.str(), ms: r.num() };
    case 'close':
      return {
        kind, via: r.str<'audit' | 'complete' | 'disconnect' | 'stale'>(), connectionId: r.str(), durationMs: r.optNum(), firstTokenMs: r.optNum(),
        tokens: r.optNum(),
      };
    case 'fail':
      return { kind, connectionId: r.optStr(), error: r.optStr(), userId: r.optStr() };
    case 'stream-error':
      return { kind };
    case 'ratelimit':
      return { kind, via: r.str<'warn' | 'audit' | 'global'>(), key: r.optStr() };
    case 'auth': {
      const operation = r.str();
      const success = r.num();
      return { kind, operation, success: success === NONE ? null : success === 1, userId: r.optStr() };
    }
    case 'platform':
      return { kind, type: r.str<Extract<Signal, { kind: 'platform' }>['type']>(), code: r.optStr() };
    default:
      throw new Error(`a batch holds an unknown signal (${code})`);
  }
}

/** A Signal kind this codec does not know yet fails the type check here. */
function unknownSignal(s: never): never {
  throw new Error(`a signal of an unknown kind cannot cross to the writer (${(s as Signal).kind})`);
}
