// What one side of the ingest allocates, by function (V8's sampling heap profiler, garbage included): the
// prepare steps (read, scan, classify, identify) on this thread, or the writer alone (BatchIngester on entries
// prepared beforehand). What survives a scavenge is what the collector pays for, on two busy cores; this says
// who makes it. Prints Markdown.
// Usage: node --import tsx bench/allocations.ts prepare|writer [--lines N (default 200000)] [FILE (default .bench/sim-1000000.log)]
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { createKeyedHash } from '../core/findings/keyed-hash.ts';
import { Store } from '../core/store/store.ts';
import { BatchIngester } from '../core/store/batch-ingester.ts';
import { testKeyMatcher } from '../core/test-traffic.ts';
import type { PreparedEntry } from '../core/prepare-entry.ts';
import { BENCH_SECRET, preparedSample, sampleArgs } from './prepared-sample.ts';
import { removeStoreFiles } from './store-files.ts';

const [side, ...rest] = process.argv.slice(2);
if (side !== 'prepare' && side !== 'writer') {
  console.error('usage: allocations.ts prepare|writer [--lines N] [FILE]');
  process.exit(2);
}
const { lines, file } = sampleArgs(rest);
const connectionKey = createKeyedHash(Buffer.from(BENCH_SECRET));
const BATCH = 2000;
const SHOWN = 20;

interface ProfileNode {
  callFrame: { functionName: string; url: string };
  selfSize: number;
  children: ProfileNode[];
}

async function sampled(work: () => Promise<void>): Promise<ProfileNode> {
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  await work();
  const { profile } = await session.post('HeapProfiler.stopSampling');
  session.disconnect();
  return profile.head as ProfileNode;
}

let head: ProfileNode;
if (side === 'prepare') {
  head = await sampled(async () => {
    await preparedSample(file, lines, connectionKey);
  });
} else {
  const prepared: PreparedEntry[] = await preparedSample(file, lines, connectionKey);
  const path = join('.bench', 'allocations.db');
  removeStoreFiles(path);
  const store = Store.open(path, { env: { FLIGHT_RECORDER_SECRET: BENCH_SECRET } });
  const ingester = new BatchIngester(store.db, { secret: store.secret, testKeys: testKeyMatcher() });
  head = await sampled(async () => {
    for (let i = 0; i < prepared.length; i += BATCH) ingester.ingest(prepared.slice(i, i + BATCH), null, null);
  });
  store.close();
  removeStoreFiles(path);
}

const bySite = new Map<string, number>();
(function walk(node: ProfileNode): void {
  // By file, not line: tsx hands V8 each module on one line.
  const where = node.callFrame.url === '' ? '(native)' : node.callFrame.url.split('/').slice(-2).join('/');
  const site = `${node.callFrame.functionName || '(anonymous)'} ${where}`;
  bySite.set(site, (bySite.get(site) ?? 0) + node.selfSize);
  for (const child of node.children) walk(child);
})(head);
let total = 0;
for (const bytes of bySite.values()) total += bytes;
const mb = (bytes: number): string => (bytes / 1e6).toFixed(1);
console.log(
  [
    `### Allocations, ${side} (${new Date().toISOString().slice(0, 10)}, \`node --import tsx bench/allocations.ts ${side} --lines ${lines}\`)`,
    '',
    `${lines} lines of ${file}, scanned; ${mb(total)} MB allocated in all (sampled every 4 KB). The ${SHOWN} largest sites:`,
    '',
    '| MB | function (file) |',
    '| ---: | --- |',
    ...[...bySite].sort((a, b) => b[1] - a[1]).slice(0, SHOWN).map(([site, bytes]) => `| ${mb(bytes)} | ${site} |`),
  ].join('\n'),
);
