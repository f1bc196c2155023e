import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoreStatus } from '../../core/api.ts';
import { createScanner } from '../../core/findings/scanner.ts';
import { BatchIngester } from '../../core/store/batch-ingester.ts';
import type { Store } from '../../core/store/store.ts';
import { testKeyMatcher } from '../../core/test-traffic.ts';
import { FileSource } from '../sources/file-source.ts';
import { LivePipeline } from './live-pipeline.ts';
import { plainTraffic, TRAFFIC_START_MS } from './fixtures/plain-traffic.ts';
import { countStored, oneShotIngest, openTestStore, sleep, storedSet, tempDir, waitFor } from './fixtures/live-test-kit.ts';

function pipelineWith(db: string, file: string, openStore: () => Store, statuses: StoreStatus[]): LivePipeline {
  return new LivePipeline({
    source: new FileSource({ path: file, pollMs: 30 }),
    sourceKey: `file:${file}`,
    format: 'plain',
    dbPath: db,
    openStore,
    scanner: (secret) => createScanner({ secret }),
    testKeys: testKeyMatcher(),
    retentionDays: 36500,
    timing: { batchMs: 20, flushAfterMs: 40, tickMs: 50, storeRetry: { initialMs: 60, maxMs: 240, random: () => 0.5 } },
    onStatus: (_source, store, changed) => {
      if (changed) statuses.push(store);
    },
  });
}

test('a full store pauses the ingest with a clear status, retries with backoff, and loses nothing once space is back', async (t) => {
  const dir = tempDir();
  const file = join(dir, 'app.log');
  const db = join(dir, 'live.db');
  writeFileSync(file, plainTraffic(0, 40, TRAFFIC_START_MS));
  let writer: Store | null = null;
  const statuses: StoreStatus[] = [];
  const pipeline = pipelineWith(db, file, () => (writer = openTestStore(db)), statuses);
  await pipeline.start();
  await waitFor(() => countStored(db) === 40, 3000, 'the first entries');

  const full = writer as Store | null;
  assert.ok(full !== null);
  const pages = full.db.pragma('page_count', { simple: true }) as number;
  full.db.pragma(`max_page_count = ${pages}`);
  const attempts = t.mock.method(BatchIngester.prototype, 'ingest');
  appendFileSync(file, plainTraffic(40, 1500, TRAFFIC_START_MS));
  await waitFor(() => !pipeline.storeStatus().writable, 3000, 'the store to be reported full');
  assert.match(pipeline.storeStatus().reason ?? '', /is full .*free space/);
  await sleep(700);
  // Waits of 60, 120, 240, 240 ms: a handful of attempts, not a busy loop.
  assert.ok(attempts.mock.callCount() <= 8, `${attempts.mock.callCount()} attempts in 0.7 s`);
  assert.equal(countStored(db), 40, 'nothing of the failed batches was acknowledged');

  full.db.pragma('max_page_count = 1073741823');
  await waitFor(() => countStored(db) === 1500, 5000, 'the ingest to resume');
  await pipeline.stop();
  assert.equal(pipeline.storeStatus().writable, true);
  const transitions = statuses.map((s) => s.writable).filter((w, i, all) => i === 0 || all[i - 1] !== w);
  assert.deepEqual(transitions, [true, false, true], 'said once when it failed, once when it recovered');
  const expected = await oneShotIngest(join(dir, 'once.db'), plainTraffic(0, 1500, TRAFFIC_START_MS), 'plain');
  assert.deepEqual(storedSet(db).identities, expected.identities);
});

test('a read-only store is reported, retried on a new connection, and written once it is writable again', async () => {
  const dir = tempDir();
  const file = join(dir, 'app.log');
  const db = join(dir, 'live.db');
  openTestStore(db).close();
  writeFileSync(file, plainTraffic(0, 300, TRAFFIC_START_MS));
  let writable = false;
  let opened = 0;
  const statuses: StoreStatus[] = [];
  const pipeline = pipelineWith(
    db,
    file,
    () => {
      opened++;
      return openTestStore(db, { readonly: !writable });
    },
    statuses,
  );
  await pipeline.start();
  await waitFor(() => !pipeline.storeStatus().writable, 3000, 'the store to be reported read-only');
  assert.match(pipeline.storeStatus().reason ?? '', /read-only/);
  await sleep(400);
  assert.equal(countStored(db), 0);
  assert.ok(opened >= 2 && opened <= 6, `${opened} connections opened: each retry tries a new one, with backoff`);

  writable = true;
  await waitFor(() => countStored(db) === 300, 5000, 'the ingest to resume');
  await pipeline.stop();
  assert.equal(pipeline.storeStatus().writable, true);
  assert.equal(statuses.at(-1)?.writable, true);
});
