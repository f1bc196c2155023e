import type { Store } from '../store.ts';
import type { EventPage } from '../../events/event.ts';
import type { EventRow } from './event-rows.ts';
import { EVENT_COLUMNS, eventFromRow } from './event-rows.ts';
import { encodeCursor, pageLimit, timePageConditions } from './page-cursor.ts';
import { keyFingerprints } from './key-fingerprint.ts';
import { likeContaining, likeEscaped } from './like-pattern.ts';

export interface EventQuery {
  /** An event type (`stream.reconnect`), or a family ending in `.*` (`auth.*`). */
  type?: string;
  connection?: string;
  /** A key as users know it (`user:alice`, `alice`), matched by its fingerprint, or a fingerprint. */
  key?: string;
  level?: string;
  instance?: string;
  /** Text searched in the redacted summary. */
  q?: string;
  /** Window `[fromMs, toMs)` on the event's time; null or absent for no bound. */
  fromMs?: number | null;
  toMs?: number | null;
  limit?: number;
  cursor?: string | null;
}

/** Stored events, newest first, one page at a time. Throws InvalidCursorError for a cursor it did not give out. */
export function listEvents(store: Store, query: EventQuery): EventPage {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (query.type !== undefined && query.type !== '') {
    if (query.type.endsWith('.*')) {
      where.push("type LIKE ? ESCAPE '\\'");
      params.push(`${likeEscaped(query.type.slice(0, -2))}.%`);
    } else {
      where.push('type = ?');
      params.push(query.type);
    }
  }
  if (query.connection !== undefined && query.connection !== '') {
    where.push('connection_id = ?');
    params.push(query.connection);
  }
  if (query.key !== undefined && query.key !== '') {
    const fps = keyFingerprints(store.secret, query.key);
    where.push(`key_fp IN (${fps.map(() => '?').join(', ')})`);
    params.push(...fps);
  }
  if (query.level !== undefined && query.level !== '') {
    where.push('level = ?');
    params.push(query.level.toLowerCase());
  }
  if (query.instance !== undefined && query.instance !== '') {
    where.push('instance = ?');
    params.push(query.instance);
  }
  if (query.q !== undefined && query.q !== '') {
    where.push("message LIKE ? ESCAPE '\\'");
    params.push(likeContaining(query.q));
  }
  timePageConditions(query, where, params);
  const limit = pageLimit(query.limit);
  const rows = store.db
    .prepare<(string | number)[], EventRow & { time_ms: number }>(
      `SELECT ${EVENT_COLUMNS}, time_ms FROM events ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY time_ms DESC, id DESC LIMIT ?`,
    )
    .all(...params, limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(eventFromRow),
    next: rows.length > limit && last !== undefined ? encodeCursor({ timeMs: last.time_ms, id: last.id }) : null,
  };
}
