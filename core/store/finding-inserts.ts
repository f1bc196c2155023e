import type { Db } from './open-database.ts';
import { BufferedInserts } from './buffered-inserts.ts';

/** A `stored_findings` row but its id, in the column order of the insert. */
export type FindingValues = [
  entryId: number,
  timeMs: number,
  time: string,
  instance: string,
  provider: string,
  kindId: number,
  start: number,
  end: number,
  length: number,
  preview: string,
  fingerprint: string,
];

type FindingRow = [id: number, ...values: FindingValues];

const COLUMNS = ['id', 'entry_id', 'time_ms', 'time', 'instance', 'provider', 'kind_id', 'start', 'end', 'length', 'preview', 'fingerprint'];

/**
 * Findings written when their transaction ends (BufferedInserts): a scanned batch holds about one finding per
 * entry. Ids are given here, counting on from the largest stored when the transaction began, so a caller knows a
 * finding's id before its row is written. (Another writer committing in between makes this transaction fail
 * with SQLITE_BUSY, as WAL mode does for any read-then-write transaction; ids never collide silently.)
 */
export class FindingInserts {
  private readonly rows: BufferedInserts<FindingRow>;
  private readonly maxIdStmt;
  private nextId = 1;

  constructor(db: Db) {
    this.rows = new BufferedInserts(db, 'stored_findings', COLUMNS);
    this.maxIdStmt = db.prepare<[], number | null>('SELECT max(id) FROM stored_findings').pluck();
  }

  /** At the start of an outermost transaction. */
  begin(): void {
    this.rows.discard();
    this.nextId = (this.maxIdStmt.get() ?? 0) + 1;
  }

  /** Queues a row; returns the id it will have. */
  add(values: FindingValues): number {
    const id = this.nextId++;
    this.rows.add([id, ...values]);
    return id;
  }

  /** What a savepoint remembers, to drop only its own rows if it rolls back. */
  get mark(): { rows: number; nextId: number } {
    return { rows: this.rows.size, nextId: this.nextId };
  }

  flush(): void {
    this.rows.flush();
  }

  restore(mark: { rows: number; nextId: number }): void {
    this.rows.restore(mark.rows);
    this.nextId = mark.nextId;
  }

  discard(): void {
    this.rows.discard();
  }
}
