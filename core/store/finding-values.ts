import type { Db } from './open-database.ts';
import type { Finding } from '../findings/finding.ts';

/** Distinct values held in memory; past that they are all forgotten and asked of the table again. */
const REMEMBERED = 65_536;

/**
 * A finding's value (fingerprint, masked preview, length), stored once in `finding_values` and found again in
 * memory: a leaked value (an address, a test query) recurs across many entries. The fingerprint is a keyed hash
 * of the decoded value, so it decides the preview and the length.
 */
export class FindingValues {
  private readonly idStmt;
  private readonly insertStmt;
  private readonly dataVersionStmt;
  private readonly ids = new Map<string, number>();
  private dataVersion = -1;

  constructor(db: Db) {
    this.idStmt = db.prepare<[string], number>('SELECT id FROM finding_values WHERE fingerprint = ?').pluck();
    this.insertStmt = db.prepare('INSERT INTO finding_values (fingerprint, preview, length) VALUES (?, ?, ?)');
    this.dataVersionStmt = db.prepare<[], number>('PRAGMA data_version').pluck();
  }

  /**
   * At the start of an outermost transaction. An erasure on another connection deletes values: when anyone else
   * has committed since, what is remembered is asked again.
   */
  begin(): void {
    const version = this.dataVersionStmt.get() ?? 0;
    if (version !== this.dataVersion) this.ids.clear();
    this.dataVersion = version;
  }

  /** The value's row id, stored first if new. */
  of(f: Pick<Finding, 'fingerprint' | 'preview' | 'length'>): number {
    let id = this.ids.get(f.fingerprint);
    if (id === undefined) {
      id = this.idStmt.get(f.fingerprint) ?? Number(this.insertStmt.run(f.fingerprint, f.preview, f.length).lastInsertRowid);
      if (this.ids.size >= REMEMBERED) this.ids.clear();
      this.ids.set(f.fingerprint, id);
    }
    return id;
  }

  /** A transaction rolled back: rows it added went with it, and their ids may come back for other values. */
  forget(): void {
    this.ids.clear();
  }
}
