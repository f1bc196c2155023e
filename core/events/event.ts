/**
 * Events: what the joiner makes of entries (spec/metrics.md § Events). Stored append-only, served by
 * `GET /api/events`, pushed on the WebSocket and shown by the page: declared once, here.
 */
export type StreamEventType =
  | 'stream.open'
  | 'stream.reconnect'
  | 'stream.close'
  | 'stream.fail'
  | 'stream.error'
  | 'stream.first-token';

export type PlatformEventType =
  | 'platform.machine-start'
  | 'platform.machine-exit'
  | 'platform.proxy-error'
  | 'platform.health-pass'
  | 'platform.health-fail';

/** `auth.login`, `auth.failed`, …: the audit operation itself. */
export type AuthEventType = `auth.${string}`;

export type EventType = StreamEventType | PlatformEventType | AuthEventType | 'ratelimit.violation';

export type EventData = Record<string, string | number | boolean | null>;

export interface StoredEvent {
  id: number;
  /** The time of the entry that carried it (Fly's timestamp), ISO-8601. */
  time: string;
  type: EventType;
  level: string;
  instance: string;
  connectionId: string | null;
  /** Rate-limit or user key, masked unless it is the test plan's own traffic. */
  key: string | null;
  test: boolean;
  /** The redacted first line of the entry's message, for display (always render as text). */
  summary: string;
  data: EventData;
  entryId: number;
}

export interface EventPage {
  items: StoredEvent[];
  next: string | null;
}
