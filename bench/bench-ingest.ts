// One ingest of a saved log into a store, as the `ingest` command does it (the prepare worker, the WAL
// checkpoints on their own thread): what `bench/ingest-once.ts` times and `bench/thread-cpu.ts` watches.
import { createReadStream } from 'node:fs';
import type { IngestSummary } from '../core/report.ts';
import { Store } from '../core/store/store.ts';
import { BatchIngester } from '../core/store/batch-ingester.ts';
import { testKeyMatcher } from '../core/test-traffic.ts';
import { ingestInput } from '../ingest/ingest-input.ts';
import { withBackgroundCheckpoints } from '../ingest/background-checkpoints.ts';
import { BENCH_SECRET } from './prepared-sample.ts';

export async function benchIngest(dbPath: string, file: string, options: { scan: boolean; batchSize?: number }): Promise<IngestSummary> {
  const store = Store.open(dbPath, { env: { FLIGHT_RECORDER_SECRET: BENCH_SECRET } });
  try {
    const ingester = new BatchIngester(store.db, { secret: store.secret, testKeys: testKeyMatcher() });
    return await withBackgroundCheckpoints(store, () =>
      ingestInput(createReadStream(file, { highWaterMark: 1 << 20 }), {
        format: 'plain',
        secret: store.secret,
        scan: options.scan,
        ingester,
        ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
      }),
    );
  } finally {
    store.close();
  }
}
