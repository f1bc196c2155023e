// What the writer's thread cannot go below with today's schema: the same prepared entries written three ways,
// each into a fresh store and timed alone, next to the sqlite3 baseline of `npm run bench` on the same entries.
// Preparing (parse, scan, identity) happens first and is not timed. Prints Markdown.
// Usage: node --import tsx bench/write-floor.ts [--lines N (default 200000)] [FILE (default .bench/sim-1000000.log)]
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Store } from '../core/store/store.ts';
import { StoreWriter } from '../core/store/store-writer.ts';
import { BatchIngester } from '../core/store/batch-ingester.ts';
import { testKeyMatcher } from '../core/test-traffic.ts';
import { lineTemplate } from '../core/findings/line-template.ts';
import type { PreparedEntry } from '../core/prepare-entry.ts';
import { withBackgroundCheckpoints } from '../ingest/background-checkpoints.ts';
import { BENCH_SECRET, preparedSample, sampleArgs } from './prepared-sample.ts';
import { removeStoreFiles } from './store-files.ts';

const { lines, file } = sampleArgs(process.argv.slice(2));
const env = { FLIGHT_RECORDER_SECRET: BENCH_SECRET };
const BATCH = 2000;

const prepared = await preparedSample(file, lines);

function fresh(name: string): string {
  const path = join('.bench', name);
  removeStoreFiles(path);
  return path;
}

/** With the WAL checkpoints on their own thread, as `ingest` writes. */
async function timed(name: string, write: (store: Store) => void): Promise<number> {
  const store = Store.open(fresh(name), { env });
  const t0 = process.hrtime.bigint();
  await withBackgroundCheckpoints(store, async () => write(store));
  store.close();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

/** Each batch's entries stored as the ingest stores them (many per statement), then `each` with its row id. */
function inBatches(store: Store, each: (writer: StoreWriter, p: PreparedEntry, id: number | null) => void): void {
  const writer = new StoreWriter(store.db);
  for (let i = 0; i < prepared.length; i += BATCH) {
    writer.transaction(() => {
      const batch = prepared.slice(i, i + BATCH);
      const ids = writer.insertEntries(batch.map((p) => ({ entry: p.entry, identity: p.identity, flagged: p.findings.length > 0 })));
      batch.forEach((p, n) => each(writer, p, ids[n] ?? null));
    });
  }
}

const csv = join('.bench', 'write-floor.csv');
const out = createWriteStream(csv);
const cell = (s: string): string => `"${s.replace(/"/g, '""')}"`;
for (const { entry: e } of prepared) {
  if (!out.write(`${cell(e.time)},${cell(e.provider)},${cell(e.instance)},${cell(e.region)},${cell(e.level)},${cell(e.message)}\n`)) await once(out, 'drain');
}
out.end();
await once(out, 'finish');
const baseDb = fresh('write-floor-baseline.db');
const t0 = process.hrtime.bigint();
const r = spawnSync('sqlite3', [baseDb], {
  input: `PRAGMA journal_mode=WAL;\nPRAGMA synchronous=NORMAL;\nCREATE TABLE entries(time TEXT, provider TEXT, instance TEXT, region TEXT, level TEXT, message TEXT);\n.import --csv ${csv} entries\n`,
  stdio: ['pipe', 'ignore', 'inherit'],
});
if (r.status !== 0) throw new Error('the sqlite3 baseline failed: is the sqlite3 CLI installed?');
const baseline = Number(process.hrtime.bigint() - t0) / 1e9;

let findings = 0;
const entriesOnly = await timed('write-floor-entries.db', (store) => inBatches(store, () => undefined));
const withFindings = await timed('write-floor-findings.db', (store) =>
  inBatches(store, (w, p, id) => {
    if (id === null) return;
    const template = p.findings.length > 0 ? lineTemplate(p.entry.message) : '';
    for (const finding of p.findings) w.insertFinding(id, p.entry, { finding, template });
    findings += p.findings.length;
  }),
);
const whole = await timed('write-floor-whole.db', (store) => {
  const ingester = new BatchIngester(store.db, { secret: store.secret, testKeys: testKeyMatcher() });
  for (let i = 0; i < prepared.length; i += BATCH) ingester.ingest(prepared.slice(i, i + BATCH), null, null);
});

const row = (what: string, s: number): string => `| ${what} | ${s.toFixed(2)} | ${(s / baseline).toFixed(2)}× |`;
console.log(
  [
    `### Write floor (${new Date().toISOString().slice(0, 10)}, \`node --import tsx bench/write-floor.ts --lines ${lines}\`)`,
    '',
    `${prepared.length} prepared entries (${findings} findings from the scanner), written on one thread in batches of ${BATCH}, each way into a fresh store, with the WAL checkpoints on a second thread as \`ingest\` writes.`,
    '',
    '| written | seconds | vs baseline |',
    '| --- | ---: | ---: |',
    row('sqlite3 CLI `.import` of the same entries (the `npm run bench` baseline)', baseline),
    row('entries only (`StoreWriter.insertEntries`)', entriesOnly),
    row('entries and their findings', withFindings),
    row('everything the ingest writes (`BatchIngester`: entries, findings, events, streams, counts)', whole),
  ].join('\n'),
);
