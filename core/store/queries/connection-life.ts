import type { Store } from '../store.ts';
import type { ConnectionLife, ConnectionStream } from '../../api.ts';
import type { EventRow } from './event-rows.ts';
import { EVENT_COLUMNS, eventFromRow } from './event-rows.ts';
import { STALE_MS } from '../../metrics/concurrency.ts';

/** A connection id reused for days by a client can carry many lines: the page shows the most recent ones. */
export const CONNECTION_EVENT_LIMIT = 2000;

interface StreamRow {
  open_ms: number | null;
  close_ms: number | null;
  fail_ms: number | null;
  reconnect: number;
  failed: number;
  first_token_ms: number | null;
  duration_ms: number | null;
  tokens: number | null;
  instance: string;
}

/**
 * One connection id's whole life: each stream opened with it (the first an open, later ones reconnects) and
 * its lines as events, oldest first. Null when the store holds nothing of that id.
 */
export function connectionLife(store: Store, connectionId: string): ConnectionLife | null {
  const db = store.db;
  const streams = db
    .prepare<[string], StreamRow>(
      `SELECT open_ms, close_ms, fail_ms, reconnect, failed, first_token_ms, duration_ms, tokens, instance
       FROM streams WHERE connection_id = ? ORDER BY coalesce(open_ms, fail_ms, close_ms), id`,
    )
    .all(connectionId);
  const events = db
    .prepare<[string, number], EventRow>(
      `SELECT * FROM (SELECT ${EVENT_COLUMNS}, time_ms FROM events WHERE connection_id = ? ORDER BY time_ms DESC, id DESC LIMIT ?)
       ORDER BY time_ms, id`,
    )
    .all(connectionId, CONNECTION_EVENT_LIMIT);
  if (streams.length === 0 && events.length === 0) return null;
  // Stale is judged against the logs' own clock, not the wall clock, so an old log file reads the same any day.
  const newest = db.prepare<[], { t: number | null }>('SELECT max(time_ms) AS t FROM entries').get()?.t ?? null;
  return {
    connectionId,
    streams: streams.map((s) => streamOf(s, newest)),
    events: events.map(eventFromRow),
  };
}

function streamOf(s: StreamRow, newestMs: number | null): ConnectionStream {
  const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
  const unclosed = s.close_ms === null && s.failed === 0 && s.open_ms !== null;
  return {
    openedAt: iso(s.open_ms),
    closedAt: iso(s.close_ms),
    reconnect: s.reconnect === 1,
    failed: s.failed === 1,
    stale: unclosed && newestMs !== null && s.open_ms !== null && newestMs - s.open_ms >= STALE_MS,
    firstTokenMs: s.first_token_ms,
    durationMs: s.duration_ms,
    tokens: s.tokens,
    instance: s.instance,
  };
}
