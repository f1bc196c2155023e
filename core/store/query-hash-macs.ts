import type { Db } from './open-database.ts';

export type QueryHashMacKind = 'audit' | 'leaked';

const LEAKED_IN_MEMORY = 50_000;

/**
 * The linkable-hash rule's memory (`query_hash_macs`): keyed hashes of audit lines' queryHashes waiting for a
 * leak of their query, and of queries that leaked. Whether a hash leaked is asked once per audit line, so the
 * leaked ones are held in memory while they are few (one per distinct leaked query; test traffic repeats its
 * queries) and asked of the store past that. Only ever added to; read again after a rollback (`forget`).
 */
export class QueryHashMacs {
  private readonly insertStmt;
  private readonly entriesStmt;
  private readonly deleteStmt;
  private readonly leakedStmt;
  private readonly hasLeakedStmt;
  private leakedMacs: Set<string> | 'too many' | null = null;

  constructor(
    db: Db,
    /** How many leaked-query hashes are held in memory before they are asked of the store. */
    private readonly leakedInMemory = LEAKED_IN_MEMORY,
  ) {
    this.insertStmt = db.prepare('INSERT OR IGNORE INTO query_hash_macs (mac, kind, entry_id) VALUES (?, ?, ?)');
    this.entriesStmt = db.prepare<[string, string], { entry_id: number }>('SELECT entry_id FROM query_hash_macs WHERE mac = ? AND kind = ?');
    this.deleteStmt = db.prepare('DELETE FROM query_hash_macs WHERE mac = ? AND kind = ?');
    this.leakedStmt = db.prepare<[number], string>("SELECT DISTINCT mac FROM query_hash_macs WHERE kind = 'leaked' LIMIT ?").pluck();
    this.hasLeakedStmt = db.prepare<[string], number>("SELECT 1 FROM query_hash_macs WHERE mac = ? AND kind = 'leaked' LIMIT 1").pluck();
  }

  add(mac: string, kind: QueryHashMacKind, entryId: number): void {
    this.insertStmt.run(mac, kind, entryId);
    if (kind !== 'leaked') return;
    const leaked = this.leaked();
    if (leaked === 'too many') return;
    leaked.add(mac);
    if (leaked.size > this.leakedInMemory) this.leakedMacs = 'too many';
  }

  entriesWith(mac: string, kind: QueryHashMacKind): number[] {
    return this.entriesStmt.all(mac, kind).map((r) => r.entry_id);
  }

  hasLeaked(mac: string): boolean {
    const leaked = this.leaked();
    return leaked === 'too many' ? this.hasLeakedStmt.get(mac) !== undefined : leaked.has(mac);
  }

  delete(mac: string, kind: QueryHashMacKind): void {
    this.deleteStmt.run(mac, kind);
  }

  /** The transaction rolled back: what was held is asked of the store again. */
  forget(): void {
    this.leakedMacs = null;
  }

  private leaked(): Set<string> | 'too many' {
    if (this.leakedMacs === null) {
      const macs = this.leakedStmt.all(this.leakedInMemory + 1);
      this.leakedMacs = macs.length > this.leakedInMemory ? 'too many' : new Set(macs);
    }
    return this.leakedMacs;
  }
}
