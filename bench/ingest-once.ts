// One measured ingest, in its own process so that its peak RSS is its own: prints one JSON line.
// Usage: node --import tsx bench/ingest-once.ts DB FILE [--no-scan]
import { createReadStream } from 'node:fs';
import { Store } from '../core/store/store.ts';
import { BatchIngester } from '../core/store/batch-ingester.ts';
import { testKeyMatcher } from '../core/test-traffic.ts';
import { ingestInput } from '../ingest/ingest-input.ts';
import { withBackgroundCheckpoints } from '../ingest/background-checkpoints.ts';

const [dbPath, file, flag] = process.argv.slice(2);
if (dbPath === undefined || file === undefined) {
  console.error('usage: ingest-once.ts DB FILE [--no-scan]');
  process.exit(2);
}
const started = process.hrtime.bigint();
const store = Store.open(dbPath, { env: { FLIGHT_RECORDER_SECRET: 'benchmark-secret-benchmark-secret' } });
const ingester = new BatchIngester(store.db, { secret: store.secret, testKeys: testKeyMatcher() });
const summary = await withBackgroundCheckpoints(store, () =>
  ingestInput(createReadStream(file, { highWaterMark: 1 << 20 }), {
    format: 'plain',
    secret: store.secret,
    scan: flag !== '--no-scan',
    ingester,
  }),
);
store.close();
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(JSON.stringify({ seconds, maxRssMb: process.resourceUsage().maxRSS / 1024, ...summary }));
