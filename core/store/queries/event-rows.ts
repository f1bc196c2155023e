import type { EventData, EventType, StoredEvent } from '../../events/event.ts';
import { summarize } from '../../events/summarize.ts';

/** An `events` row as SQLite returns it. */
export interface EventRow {
  id: number;
  time: string;
  type: string;
  level: string;
  instance: string;
  connection_id: string | null;
  key_display: string | null;
  test: number;
  /** The entry's message, redacted (and kept current: a later redaction of the entry shows here too). */
  message: string;
  data: string;
  entry_id: number;
}

export const EVENT_COLUMNS = 'id, time, type, level, instance, connection_id, key_display, test, message, data, entry_id';

/** The served form: the masked key only, never its fingerprint. */
export function eventFromRow(r: EventRow): StoredEvent {
  return {
    id: r.id,
    time: r.time,
    type: r.type as EventType,
    level: r.level,
    instance: r.instance,
    connectionId: r.connection_id,
    key: r.key_display,
    test: r.test === 1,
    summary: summarize(r.message),
    data: parseData(r.data),
    entryId: r.entry_id,
  };
}

function parseData(text: string): EventData {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as EventData) : {};
  } catch {
    // The writer stores JSON.stringify output; a damaged cell is shown empty rather than failing the page.
    return {};
  }
}
