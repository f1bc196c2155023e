import type { RuleId } from '../../core/findings/finding.ts';
import type { JsonFields } from './json-text.ts';
import type { Timed } from './time-heap.ts';

export type Provider = 'app' | 'proxy' | 'runner' | 'health';

/** One Fly machine of the watched app. */
export interface Machine {
  id: string;
  region: string;
  /** The NATS message's `host` (the Fly host the machine runs on). */
  host: string;
  /** The machine whose `logs/combined.log` the app format stands for. */
  primary: boolean;
}

/** A line the backend writes through winston (the `message` of an app entry, or one line of combined.log). */
export interface WinstonBody {
  level: 'info' | 'warn' | 'error' | 'http' | 'debug';
  message: string;
  fields: JsonFields | null;
  /** Printed as plain text rather than JSON in `fly logs` (console output); combined.log always has JSON. */
  text: boolean;
  /** An error's stack: continuation lines in text, a `stack` field in JSON. */
  stack: string | null;
  /** Keys sorted (winston's safe-stable-stringify) rather than in insertion order. */
  sorted: boolean;
}

/** Fly's HTTP fields on a proxy line (`request.method="GET" … response.status=502`). */
export interface HttpMeta {
  method: string;
  url: string;
  requestId: string;
  status: number;
  /** Printed before the timestamp by flyctl, and then the message is not printed at all. */
  errorMessage: string;
}

/** Something a stream, a request or a violation is: the lines it owns die with its machine. */
export interface Owner {
  killMs: number;
}

/** What one line tells, for the ground truth. Joining is the model's knowledge, not a parse of the text. */
export type Fact =
  | { k: 'open'; s: StreamFacts }
  | { k: 'first-token'; s: StreamFacts }
  | { k: 'close'; s: StreamFacts; duration: boolean; audit: boolean }
  | { k: 'fail'; s: StreamFacts | null }
  | { k: 'stream-error' }
  | { k: 'ratelimit'; v: ViolationFacts; via: 'warn' | 'audit' }
  | { k: 'ratelimit-ip'; ip: string }
  | { k: 'proxy'; code: string; hiddenInPlain: boolean }
  | { k: 'machine-start' };

/** One stream as the model decided it; what was emitted of it is filled in as lines go out. */
export interface StreamFacts {
  connectionId: string;
  firstTokenMs: number | null;
  durationMs: number | null;
  tokens: number | null;
  // Filled in by the truth, at the format's precision:
  openAt: number | null;
  closeAt: number | null;
  reconnect: boolean;
  failed: boolean;
  firstTokenSeen: boolean;
  durationSeen: boolean;
}

export interface ViolationFacts {
  warnKey: string | null;
  auditKey: string | null;
  warnSeen: boolean;
  auditSeen: boolean;
  counted: boolean;
}

/** GDPR labels a line carries whenever it is printed. */
export interface Leak {
  rules: readonly RuleId[];
  /** A queryHash printed on the line: linkable when its query is common or leaked earlier. */
  hashOf: string | null;
  /** Values this line prints in clear. */
  leaked: readonly string[];
  /** The rules come from the HTTP fields only (NATS messages carry none). */
  httpOnly: boolean;
}

export interface LineRecord extends Timed {
  kind: 'line';
  provider: Provider;
  machine: Machine;
  /** Fly's level of the entry. */
  level: string;
  /** The message starts with a space (`[info] {…}` rather than `[info]{…}`). */
  space: boolean;
  body: WinstonBody | string;
  http: HttpMeta | null;
  owner: Owner | null;
  fact: Fact | null;
  leak: Leak | null;
  /** A garbage line that flyctl's stream printed right after this entry. */
  after: GarbageRecord | null;
}

/** Bytes that fit no format. `bigline` is valid text (in plain `fly logs` it continues the entry above it). */
export interface GarbageRecord {
  kind: 'garbage';
  variant: 'bad-utf8' | 'bigline';
}

/** A record cut short mid-write: a truncated JSON object (in plain, an entry whose JSON message is cut). */
export interface TruncatedRecord {
  kind: 'truncated';
  ms: number;
  sub: number;
  machine: Machine;
}

export type OutRecord = LineRecord | GarbageRecord | TruncatedRecord;
