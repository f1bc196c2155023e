import type { Db } from './open-database.ts';

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

const COLUMNS = 12;
/** Rows per statement: one call into SQLite for this many rows instead of one per row. */
const ROWS_PER_STATEMENT = 32;

function insertSql(rows: number): string {
  const one = `(${new Array(COLUMNS).fill('?').join(', ')})`;
  return `INSERT INTO stored_findings (id, entry_id, time_ms, time, instance, provider, kind_id, start, end, length, preview, fingerprint)
    VALUES ${new Array(rows).fill(one).join(', ')}`;
}

/**
 * Findings rows gathered during a transaction and written at its end, many per statement: a scanned batch holds
 * about one finding per entry, and a call into SQLite per row was most of what storing them cost. Ids are given
 * here, counting on from the largest stored when the transaction began, so a caller knows a finding's id before
 * its row is written. (Another writer committing in between makes this transaction fail with SQLITE_BUSY, as
 * WAL mode does for any read-then-write transaction; ids never collide silently.)
 */
export class FindingInserts {
  private readonly one;
  private readonly many;
  private readonly maxIdStmt;
  private readonly pending: FindingRow[] = [];
  private readonly args: unknown[] = new Array(COLUMNS * ROWS_PER_STATEMENT);
  private nextId = 1;

  constructor(db: Db) {
    this.one = db.prepare(insertSql(1));
    this.many = db.prepare(insertSql(ROWS_PER_STATEMENT));
    this.maxIdStmt = db.prepare<[], number | null>('SELECT max(id) FROM stored_findings').pluck();
  }

  /** At the start of an outermost transaction. */
  begin(): void {
    this.pending.length = 0;
    this.nextId = (this.maxIdStmt.get() ?? 0) + 1;
  }

  /** Queues a row; returns the id it will have. */
  add(values: FindingValues): number {
    const id = this.nextId++;
    this.pending.push([id, ...values]);
    return id;
  }

  /** How many rows wait: a savepoint remembers it, to drop only its own rows if it rolls back. */
  get mark(): { rows: number; nextId: number } {
    return { rows: this.pending.length, nextId: this.nextId };
  }

  /** Inside the transaction that gathered them. */
  flush(): void {
    const rows = this.pending;
    let i = 0;
    for (; i + ROWS_PER_STATEMENT <= rows.length; i += ROWS_PER_STATEMENT) {
      let a = 0;
      for (let r = i; r < i + ROWS_PER_STATEMENT; r++) for (const v of rows[r] as FindingRow) this.args[a++] = v;
      this.many.run(this.args);
    }
    for (; i < rows.length; i++) this.one.run(rows[i] as FindingRow);
    rows.length = 0;
  }

  /** A savepoint rolled back: its rows and ids go with it. */
  restore(mark: { rows: number; nextId: number }): void {
    this.pending.length = mark.rows;
    this.nextId = mark.nextId;
  }

  /** The transaction rolled back: its rows go with it. */
  discard(): void {
    this.pending.length = 0;
  }
}
