import type { EventData, EventType } from './event.ts';

/** An event as the joiner creates it; the store gives it its row. */
export interface EventRecord {
  id: number;
  timeMs: number;
  time: string;
  type: EventType;
  level: string;
  instance: string;
  connectionId: string | null;
  /** Keyed fingerprint of the rate-limit or user key: erasure and grouping work on it, never on plaintext. */
  keyFingerprint: string | null;
  keyDisplay: string | null;
  test: boolean;
  data: EventData;
  entryId: number;
}

/** One stream of one connection id: an open, and what the later lines told of it. */
export interface StreamRecord {
  id: number;
  connectionId: string;
  instance: string;
  /** null for a close whose open came before the logs did. */
  openMs: number | null;
  reconnect: boolean;
  failed: boolean;
  failMs: number | null;
  closeMs: number | null;
  closeVia: string | null;
  firstTokenMs: number | null;
  /** Time of the line that carried the first-token sample (the window it belongs to). */
  firstTokenAt: number | null;
  /** True when the sample came from the audit close's metadata, which wins over the text line. */
  firstTokenFromAudit: boolean;
  durationMs: number | null;
  tokens: number | null;
  interTokenMs: number | null;
  /** null until an audit open says; true when it carried a well-formed queryHash. */
  queryHashOk: boolean | null;
  test: boolean;
  keyFingerprint: string | null;
  openEventId: number | null;
}

/** Where the joiner's results go: the store's writer, inside the batch's transaction. */
export interface JoinSink {
  insertEvent(event: EventRecord): void;
  /** The key of a violation arrives with its warn line, which may come second. */
  updateEventKey(eventId: number, key: KeyView): void;
  /** Insert or replace the whole record. */
  saveStream(stream: StreamRecord): void;
}

/** What a key looks like to the store: a fingerprint, a display form, and whether it is test traffic. */
export interface KeyView {
  fingerprint: string;
  display: string;
  test: boolean;
}

export interface JoinServices {
  /** True when the connection id was seen before (by anything the store ever held); records it as seen. */
  seenBefore(connectionId: string): boolean;
  /** The stored view of a rate-limit key (`user:…`, `key:…`, `ip:…`) or a bare user id. */
  viewKey(key: string): KeyView;
}
