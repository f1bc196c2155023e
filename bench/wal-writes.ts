// Which tables and indexes the ingest's commits write, counted in WAL frames: one ingest with no checkpoint
// while it runs, so the WAL keeps every page each commit wrote. A b-tree whose frames far outnumber its pages
// is rewritten commit after commit (each write is paid again by the checkpoint that copies it): that is how
// the leak-source counts were found to be a quarter of the WAL. Deterministic, unlike time on this machine.
// Usage: node --import tsx bench/wal-writes.ts [FILE (default .bench/sim-1000000.log)] [--no-scan]
import { createReadStream, openSync, readSync, fstatSync, closeSync, copyFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Store } from '../core/store/store.ts';
import { BatchIngester } from '../core/store/batch-ingester.ts';
import { testKeyMatcher } from '../core/test-traffic.ts';
import { ingestInput } from '../ingest/ingest-input.ts';
import { BENCH_SECRET } from './prepared-sample.ts';
import { removeStoreFiles } from './store-files.ts';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--')) ?? join('.bench', 'sim-1000000.log');
const scan = !args.includes('--no-scan');
const dbPath = join('.bench', 'wal-writes.db');
const walCopy = join('.bench', 'wal-writes.wal');
const SHOWN = 15;

function remove(): void {
  removeStoreFiles(dbPath);
  rmSync(walCopy, { force: true });
}

function writtenBytes(): number {
  const line = readFileSync('/proc/self/io', 'utf8').split('\n').find((l) => l.startsWith('wchar:'));
  return Number(line?.slice(6) ?? 0);
}

remove();
const store = Store.open(dbPath, { env: { FLIGHT_RECORDER_SECRET: BENCH_SECRET } });
const owners = new Map<number, string>();
let pageSize = 0;
let ingestBytes = 0;
try {
  store.db.pragma('wal_autocheckpoint = 0');
  const ingester = new BatchIngester(store.db, { secret: store.secret, testKeys: testKeyMatcher() });
  const before = writtenBytes();
  await ingestInput(createReadStream(file, { highWaterMark: 1 << 20 }), { format: 'plain', secret: store.secret, scan, ingester });
  ingestBytes = writtenBytes() - before;
  // Closing checkpoints and deletes the WAL: read it from a copy.
  copyFileSync(`${dbPath}-wal`, walCopy);
  for (const r of store.db.prepare<[], { name: string; pageno: number }>('SELECT name, pageno FROM dbstat').all()) owners.set(r.pageno, r.name);
  pageSize = store.db.pragma('page_size', { simple: true }) as number;
} finally {
  store.close();
}

// WAL format (sqlite.org/fileformat2.html#walformat): a 32-byte header, then frames of a 24-byte header (page
// number, and the database size in pages on a commit's last frame) and the page.
const frames = new Map<string, { frames: number; pages: Set<number> }>();
let total = 0;
let commits = 0;
const fd = openSync(walCopy, 'r');
try {
  const size = fstatSync(fd).size;
  const header = Buffer.alloc(24);
  for (let at = 32; at + 24 + pageSize <= size; at += 24 + pageSize) {
    readSync(fd, header, 0, 24, at);
    const page = header.readUInt32BE(0);
    if (header.readUInt32BE(4) !== 0) commits++;
    const name = owners.get(page) ?? '(freed since)';
    const f = frames.get(name) ?? { frames: 0, pages: new Set<number>() };
    f.frames++;
    f.pages.add(page);
    frames.set(name, f);
    total++;
  }
} finally {
  closeSync(fd);
  remove();
}

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(0)} MB`;
console.log(
  [
    `### WAL writes (${new Date().toISOString().slice(0, 10)}, \`node --import tsx bench/wal-writes.ts ${file}${scan ? '' : ' --no-scan'}\`)`,
    '',
    `${total} frames (${mb(total * pageSize)}) in ${commits} commits, scanning ${scan ? 'on' : 'off'}; the ingest wrote ${mb(ingestBytes)} in all`,
    '(`/proc/self/io`, no checkpoint). The b-trees written most:',
    '',
    '| b-tree | frames | distinct pages | frames a page |',
    '| --- | ---: | ---: | ---: |',
    ...[...frames]
      .sort((a, b) => b[1].frames - a[1].frames)
      .slice(0, SHOWN)
      .map(([name, f]) => `| ${name} | ${f.frames} | ${f.pages.size} | ${(f.frames / f.pages.size).toFixed(2)} |`),
  ].join('\n'),
);
