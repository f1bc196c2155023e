import type { Db } from './open-database.ts';
import { BufferedInserts } from './buffered-inserts.ts';

/**
 * Rows whose ids are given here, written many per statement (BufferedInserts): a caller knows a row's id before
 * the row is written. Ids count on from the largest stored when the transaction began. (Another writer committing
 * in between makes this transaction fail with SQLITE_BUSY, as WAL mode does for any read-then-write transaction;
 * ids never collide silently.)
 */
export class NumberedInserts<Values extends unknown[]> {
  private readonly rows: BufferedInserts<[id: number, ...values: Values]>;
  private readonly maxIdStmt;
  private readonly storedInStmt;
  private nextId = 1;
  private firstId = 1;

  /** `columns`: those after `id`, in the order of the values. `upsert`: as for BufferedInserts. */
  constructor(db: Db, table: string, columns: readonly string[], upsert = '') {
    this.rows = new BufferedInserts(db, table, ['id', ...columns], upsert);
    this.maxIdStmt = db.prepare<[], number | null>(`SELECT max(id) FROM ${table}`).pluck();
    this.storedInStmt = db.prepare<[number, number], number>(`SELECT id FROM ${table} WHERE id BETWEEN ? AND ?`).pluck();
  }

  /** At the start of an outermost transaction. */
  begin(): void {
    this.rows.discard();
    this.nextId = (this.maxIdStmt.get() ?? 0) + 1;
    this.firstId = this.nextId;
  }

  /** The first id given in this transaction: a row with a smaller id was stored before it. */
  get firstOfTransaction(): number {
    return this.firstId;
  }

  /**
   * Queues a row; returns the id it will have, which it writes into the row's first place (whatever the caller
   * put there). The caller's array is the row: copying it (`[id, ...values]`) made an iterator step per value
   * in the writer's unoptimised code, hundreds of bytes of garbage a row.
   */
  add(row: [id: number, ...values: Values]): number {
    const id = this.nextId++;
    row[0] = id;
    this.rows.add(row);
    return id;
  }

  /** What a savepoint remembers, to drop only its own rows if it rolls back. */
  get mark(): { rows: number; nextId: number } {
    return { rows: this.rows.size, nextId: this.nextId };
  }

  /**
   * Writes the queued rows; the ids of those stored (an upsert may skip some). The queued ids are consecutive
   * and newer than any stored row, so when fewer rows were stored than queued, the store tells which by their
   * range. (A RETURNING clause answered the same for every statement, for about a tenth of what writing the entries cost.)
   */
  flush(): number[] {
    const count = this.rows.size;
    const first = this.nextId - count;
    const stored = this.rows.flush();
    if (stored === count) return Array.from({ length: count }, (_, k) => first + k);
    return this.storedInStmt.all(first, first + count - 1);
  }

  restore(mark: { rows: number; nextId: number }): void {
    this.rows.restore(mark.rows);
    this.nextId = mark.nextId;
  }

  discard(): void {
    this.rows.discard();
  }
}
