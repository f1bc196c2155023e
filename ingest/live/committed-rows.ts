import type { Store } from '../../core/store/store.ts';
import type { StoredEvent } from '../../core/events/event.ts';
import type { StoredFinding } from '../../core/findings/finding.ts';
import { EVENT_COLUMNS, eventFromRow } from '../../core/store/queries/event-rows.ts';
import type { EventRow } from '../../core/store/queries/event-rows.ts';
import { findingFromRow } from '../../core/store/queries/finding-rows.ts';
import type { FindingRow } from '../../core/store/queries/finding-rows.ts';

/**
 * Reads back what the last commits added, by id: events take their ids from the joiner's counter and findings
 * from SQLite's rowid, both increasing, so "after the last one seen" is exactly the new ones.
 */
export class CommittedRows {
  private lastEventId: number;
  private lastFindingId: number;

  constructor(store: Store) {
    this.lastEventId = maxId(store, 'events');
    this.lastFindingId = maxId(store, 'findings');
  }

  newEvents(store: Store): StoredEvent[] {
    const rows = store.db
      .prepare<[number], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE id > ? ORDER BY id`)
      .all(this.lastEventId);
    const last = rows[rows.length - 1];
    if (last !== undefined) this.lastEventId = last.id;
    return rows.map(eventFromRow);
  }

  newFindings(store: Store): StoredFinding[] {
    const rows = store.db.prepare<[number], FindingRow>('SELECT * FROM findings WHERE id > ? ORDER BY id').all(this.lastFindingId);
    const last = rows[rows.length - 1];
    if (last !== undefined) this.lastFindingId = last.id;
    // A finding that was just written has no review history yet.
    return rows.map((r) => findingFromRow(r, []));
  }
}

function maxId(store: Store, table: 'events' | 'findings'): number {
  return store.db.prepare<[], { m: number | null }>(`SELECT max(id) AS m FROM ${table}`).get()?.m ?? 0;
}
