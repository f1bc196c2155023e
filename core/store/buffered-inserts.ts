import type { Db } from './open-database.ts';

/** Rows per statement: one call into SQLite for this many rows instead of one per row. */
const ROWS_PER_STATEMENT = 32;

/**
 * Rows of one table gathered during a transaction and written at its end, many per statement: a batch writes
 * thousands of rows, and a call into SQLite per row was much of what writing them cost. The first column is the
 * row's id, given by the caller, so a row still waiting can be found and changed.
 */
export class BufferedInserts<Row extends [id: number, ...rest: unknown[]]> {
  private readonly one;
  private readonly many;
  private readonly pending: Row[] = [];
  /** Made on the first `waiting` call, then kept up: most tables never ask, and a map entry per row cost them. */
  private byId: Map<number, Row> | null = null;
  private readonly args: unknown[];

  /** `upsert`: what follows the VALUES (an ON CONFLICT clause), for rows that may already be stored. */
  constructor(db: Db, table: string, columns: readonly string[], upsert = '') {
    const values = `(${columns.map(() => '?').join(', ')})`;
    const sql = (rows: number): string => `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${new Array(rows).fill(values).join(', ')} ${upsert}`;
    this.one = db.prepare(sql(1));
    this.many = db.prepare(sql(ROWS_PER_STATEMENT));
    this.args = new Array(columns.length * ROWS_PER_STATEMENT);
  }

  add(row: Row): void {
    this.pending.push(row);
    this.byId?.set(row[0], row);
  }

  /** The row with this id while it waits (to be changed in place), else undefined: it is in the table, or never was. */
  waiting(id: number): Row | undefined {
    if (this.byId === null) this.byId = new Map(this.pending.map((row) => [row[0], row]));
    return this.byId.get(id);
  }

  /** How many rows wait: a savepoint remembers it, to drop only its own rows if it rolls back. */
  get size(): number {
    return this.pending.length;
  }

  /** Inside the transaction that gathered them. How many rows were stored (an upsert may store fewer). */
  flush(): number {
    const rows = this.pending;
    let stored = 0;
    let i = 0;
    for (; i + ROWS_PER_STATEMENT <= rows.length; i += ROWS_PER_STATEMENT) {
      let a = 0;
      // Indexed, not for…of: until this loop is optimised, each for…of step makes an iterator result.
      for (let r = i; r < i + ROWS_PER_STATEMENT; r++) {
        const row = rows[r] as Row;
        for (let k = 0; k < row.length; k++) this.args[a++] = row[k];
      }
      stored += this.many.run(this.args).changes;
    }
    for (; i < rows.length; i++) stored += this.one.run(rows[i] as Row).changes;
    this.discard();
    return stored;
  }

  /** A savepoint rolled back: the rows it added go with it. */
  restore(size: number): void {
    for (const row of this.pending.splice(size)) this.byId?.delete(row[0]);
  }

  /** The transaction rolled back: its rows go with it. */
  discard(): void {
    this.pending.length = 0;
    this.byId = null;
  }
}
