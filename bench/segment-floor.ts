// What storing entries as one row per batch (a segment) would save the writer, against today's row per entry:
// the same stored entries written three ways into fresh files, CPU of this thread, best of four rounds.
// A question for the storage model (docs/benchmarks.md), not a figure of the ingest.
// Usage: node --import tsx bench/segment-floor.ts [STORE (default .bench/ingest.db, made by `npm run bench`)] [--entries N (default 200000)]
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { removeStoreFiles } from './store-files.ts';

const args = process.argv.slice(2);
const at = args.indexOf('--entries');
const limit = at < 0 ? 200_000 : Number(args[at + 1]);
const storePath = args.find((a, i) => !a.startsWith('--') && (at < 0 || i !== at + 1)) ?? '.bench/ingest.db';
if (!existsSync(storePath) || !Number.isInteger(limit) || limit < 2048) {
  console.error('usage: segment-floor.ts [STORE] [--entries N ≥ 2048]: STORE is a store `npm run bench` made');
  process.exit(2);
}
const source = new Database(storePath, { readonly: true });
const rows = source.prepare('SELECT * FROM entries ORDER BY id LIMIT ?').raw(true).safeIntegers(true).all(limit) as unknown[][];
const columns = source.prepare('SELECT * FROM entries LIMIT 1').columns().map((c) => c.name);
source.close();
const TIME = columns.indexOf('time_ms');
const IDENTITY = columns.indexOf('identity');
const BATCH = 2048;
const PER_STATEMENT = 32;
const scratch = '.bench/segment-floor.db';

function fresh(schema: string): Database.Database {
  removeStoreFiles(scratch);
  const db = new Database(scratch);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(schema);
  return db;
}

function cpuMs(work: () => void): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Today: a row per entry, its (time, identity) unique, 32 rows a statement. */
function rowPerEntry(): number {
  const db = fresh(`CREATE TABLE t (id INTEGER PRIMARY KEY, ${columns.slice(1).join(', ')}); CREATE UNIQUE INDEX t_identity ON t(time_ms, identity);`);
  const values = `(${columns.map(() => '?').join(', ')})`;
  const insert = db.prepare(`INSERT INTO t (${columns.join(', ')}) VALUES ${new Array(PER_STATEMENT).fill(values).join(', ')} ON CONFLICT(time_ms, identity) DO NOTHING`);
  const bound = new Array(PER_STATEMENT * columns.length);
  const ms = cpuMs(() => {
    for (let b = 0; b + BATCH <= rows.length; b += BATCH) {
      db.transaction(() => {
        for (let r = b; r < b + BATCH; r += PER_STATEMENT) {
          let a = 0;
          for (let k = r; k < r + PER_STATEMENT; k++) for (const v of rows[k] as unknown[]) bound[a++] = v;
          insert.run(bound);
        }
      })();
    }
  });
  db.close();
  return ms;
}

/** A row per batch holding its entries as one text (made beforehand, as a worker would), with or without a row per identity. */
function segments(bodies: readonly string[], identities: boolean): number {
  const db = fresh(`CREATE TABLE seg (id INTEGER PRIMARY KEY, first_id INTEGER NOT NULL, n INTEGER NOT NULL, min_time INTEGER NOT NULL, max_time INTEGER NOT NULL, body TEXT NOT NULL);
    CREATE INDEX seg_time ON seg(max_time);
    CREATE TABLE ident (time_ms INTEGER NOT NULL, identity INTEGER NOT NULL, PRIMARY KEY (time_ms, identity)) WITHOUT ROWID;`);
  const insertSegment = db.prepare('INSERT INTO seg (first_id, n, min_time, max_time, body) VALUES (?, ?, ?, ?, ?)');
  const insertIdentities = db.prepare(`INSERT INTO ident (time_ms, identity) VALUES ${new Array(PER_STATEMENT).fill('(?, ?)').join(', ')} ON CONFLICT DO NOTHING`);
  const bound = new Array(PER_STATEMENT * 2);
  const ms = cpuMs(() => {
    for (let b = 0, s = 0; b + BATCH <= rows.length; b += BATCH, s++) {
      db.transaction(() => {
        if (identities) {
          for (let r = b; r < b + BATCH; r += PER_STATEMENT) {
            let a = 0;
            for (let k = r; k < r + PER_STATEMENT; k++) {
              bound[a++] = (rows[k] as unknown[])[TIME];
              bound[a++] = (rows[k] as unknown[])[IDENTITY];
            }
            insertIdentities.run(bound);
          }
        }
        insertSegment.run(b + 1, BATCH, (rows[b] as unknown[])[TIME], (rows[b + BATCH - 1] as unknown[])[TIME], bodies[s] as string);
      })();
    }
  });
  db.close();
  return ms;
}

const bodies: string[] = [];
const bodyMs = cpuMs(() => {
  for (let b = 0; b + BATCH <= rows.length; b += BATCH) bodies.push(JSON.stringify(rows.slice(b, b + BATCH), (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
});
const runs = { rows: [] as number[], segmentsWithIdentities: [] as number[], segmentsOnly: [] as number[] };
for (let round = 0; round < 4; round++) {
  runs.rows.push(rowPerEntry());
  runs.segmentsWithIdentities.push(segments(bodies, true));
  runs.segmentsOnly.push(segments(bodies, false));
}
removeStoreFiles(scratch);
const best = (xs: number[]): string => `${Math.min(...xs).toFixed(0)} ms (rounds: ${xs.map((x) => x.toFixed(0)).join(', ')})`;
const written = Math.floor(rows.length / BATCH) * BATCH;
console.log(
  [
    `### Segment floor (${new Date().toISOString().slice(0, 10)}, \`node --import tsx bench/segment-floor.ts ${storePath} --entries ${limit}\`)`,
    '',
    `${written} stored entries, ${BATCH} a transaction; CPU of the writing thread, best of 4 rounds.`,
    '',
    '| written | CPU |',
    '| --- | ---: |',
    `| a row per entry, (time, identity) unique (today) | ${best(runs.rows)} |`,
    `| a row per batch, and a row per identity | ${best(runs.segmentsWithIdentities)} |`,
    `| a row per batch only | ${best(runs.segmentsOnly)} |`,
    `| (making the batches' texts, a worker's part) | ${bodyMs.toFixed(0)} ms |`,
  ].join('\n'),
);
