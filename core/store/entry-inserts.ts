import type { Db } from './open-database.ts';
import type { LogEntry } from '../entry.ts';
import { ROWS_PER_STATEMENT } from './buffered-inserts.ts';

export interface EntryInsert {
  entry: LogEntry;
  identity: bigint;
  flagged: boolean;
}

const COLUMNS = ['id', 'identity', 'time_ms', 'time', 'instance', 'provider', 'region', 'level', 'message', 'http', 'format', 'unparsed', 'flagged'];

function insertSql(rows: number): string {
  const values = `(${COLUMNS.map(() => '?').join(', ')})`;
  return `INSERT INTO entries (${COLUMNS.join(', ')}) VALUES ${new Array(rows).fill(values).join(', ')}
    ON CONFLICT(time_ms, identity) DO NOTHING RETURNING id`;
}

/**
 * Entries written many per statement. Each is given its id here (counting on from the largest stored when the
 * transaction began, as FindingInserts does), and the statement returns the ids it stored: an id missing from
 * the answer is an entry whose identity the store already held, a duplicate.
 */
export class EntryInserts {
  private readonly one;
  private readonly many;
  private readonly maxIdStmt;
  private readonly args: unknown[] = new Array(COLUMNS.length * ROWS_PER_STATEMENT);
  private nextId = 1;

  constructor(db: Db) {
    this.one = db.prepare<unknown[], number>(insertSql(1)).pluck();
    this.many = db.prepare<unknown[], number>(insertSql(ROWS_PER_STATEMENT)).pluck();
    this.maxIdStmt = db.prepare<[], number | null>('SELECT max(id) FROM entries').pluck();
  }

  /** At the start of an outermost transaction. */
  begin(): void {
    this.nextId = (this.maxIdStmt.get() ?? 0) + 1;
  }

  /** Each entry's row id, or null when the store already holds its identity (or an earlier entry of `rows` has it). */
  insert(rows: readonly EntryInsert[]): (number | null)[] {
    const ids = rows.map(() => this.nextId++);
    const stored = new Set<number>();
    let i = 0;
    for (; i + ROWS_PER_STATEMENT <= rows.length; i += ROWS_PER_STATEMENT) {
      let a = 0;
      for (let r = i; r < i + ROWS_PER_STATEMENT; r++) a = this.bind(rows[r] as EntryInsert, ids[r] as number, a);
      for (const id of this.many.all(this.args)) stored.add(id);
    }
    for (; i < rows.length; i++) {
      this.bind(rows[i] as EntryInsert, ids[i] as number, 0);
      const id = this.one.get(this.args.slice(0, COLUMNS.length));
      if (id !== undefined) stored.add(id);
    }
    return ids.map((id) => (stored.has(id) ? id : null));
  }

  private bind(row: EntryInsert, id: number, at: number): number {
    const e = row.entry;
    const args = this.args;
    args[at] = id;
    args[at + 1] = row.identity;
    args[at + 2] = e.timeMs;
    args[at + 3] = e.time;
    args[at + 4] = e.instance;
    args[at + 5] = e.provider;
    args[at + 6] = e.region;
    args[at + 7] = e.level;
    args[at + 8] = e.message;
    args[at + 9] = e.http === undefined ? null : JSON.stringify(e.http);
    args[at + 10] = e.format;
    args[at + 11] = e.unparsed ? 1 : 0;
    args[at + 12] = row.flagged ? 1 : 0;
    return at + COLUMNS.length;
  }
}
