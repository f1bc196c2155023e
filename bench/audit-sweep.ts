// The hourly retention sweep of waiting audit-line hashes (core/store/sweep-audit-macs.ts) on a large table: a
// copy of the ingest benchmark's store with 1.5M such rows added, a third of them for entries it no longer holds.
// Usage: node --import tsx bench/audit-sweep.ts [DB (default .bench/ingest.db, from `npm run bench`)]
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../core/store/open-database.ts';
import { SWEEP_ROWS, sweepAuditMacs } from '../core/store/sweep-audit-macs.ts';

const source = process.argv[2] ?? join('.bench', 'ingest.db');
const dir = mkdtempSync(join(tmpdir(), 'fr-sweep-'));
try {
  const path = join(dir, 'sweep.db');
  copyFileSync(source, path);
  const db = openDatabase(path);
  const entries = db.prepare<[], number>('SELECT max(id) FROM entries').pluck().get() ?? 0;
  const insert = db.prepare("INSERT OR IGNORE INTO query_hash_macs (mac, kind, entry_id) VALUES (?, 'audit', ?)");
  const ROWS = 1_500_000;
  db.transaction(() => {
    for (let i = 0; i < ROWS; i++) insert.run(randomBytes(32).toString('hex'), 1 + ((i * 7919) % Math.ceil(entries * 1.5)));
  })();
  const lines = [`Sweeps of ${SWEEP_ROWS} rows over ${ROWS} waiting audit-line hashes beside ${entries} entries (source: ${source}):`, ''];
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    const deleted = db.transaction(() => sweepAuditMacs(db))();
    lines.push(`- sweep ${k + 1}: ${(performance.now() - t0).toFixed(1)} ms, ${deleted} rows deleted`);
  }
  db.close();
  console.log(lines.join('\n'));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
